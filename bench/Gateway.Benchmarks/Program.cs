using NhiPlatform.Gateway.Benchmarks;

// gateway-bench backend <port> | bare-yarp <port> <backend-url> | stub-tokens <port> <issuer> | dpop-proofs <tokens-url> <url> <count> <dir>
return args switch
{
    ["backend", var port] => await BackendServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture)),
    ["bare-yarp", var port, var backend] => await BareYarpServer.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), backend),
    ["stub-tokens", var port, var issuer] => await StubTokenService.RunAsync(int.Parse(port, System.Globalization.CultureInfo.InvariantCulture), issuer),
    ["dpop-proofs", var tokens, var url, var count, var directory] =>
        await DPoPProofs.RunAsync(tokens, url, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), directory),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: backend <port> | bare-yarp <port> <backend-url> | stub-tokens <port> <issuer> | dpop-proofs <tokens-url> <url> <count> <dir>");
    return 2;
}
