namespace NhiPlatform.Gateway.Benchmarks;

/// <summary>The service behind every proxy in the benchmark: answers any GET with the same 1 KiB body.</summary>
internal static class BackendServer
{
    public static readonly byte[] Payload = System.Text.Encoding.ASCII.GetBytes(new string('x', 1024));

    public static async Task<int> RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/plain";
            context.Response.ContentLength = Payload.Length;
            return context.Response.Body.WriteAsync(Payload, context.RequestAborted).AsTask();
        });
        await app.RunAsync();
        return 0;
    }
}
