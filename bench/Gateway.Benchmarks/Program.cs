using NhiPlatform.Gateway.Benchmarks;

// gateway-bench backend <port> | bare-yarp <port> <backend-url> | stub-tokens <port> <issuer>
return args switch
{
    ["backend", var port] => await BackendServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
    ["bare-yarp", var port, var backend] => await BareYarpServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), backend),
    ["stub-tokens", var port, var issuer] => await StubTokenService.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), issuer),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: backend <port> | bare-yarp <port> <backend-url> | stub-tokens <port> <issuer>");
    return 2;
}
