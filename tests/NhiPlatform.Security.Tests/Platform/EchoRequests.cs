using System.Net.Http.Json;
using System.Text.Json;

namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// Which requests reached the echo service, asked of the echo itself (<c>GET /echo/received?path=</c> on its own port):
/// it counts a request before it answers it, so once the gateway has answered, the count is final.
/// </summary>
internal sealed class EchoRequests(Uri echo)
{
    private readonly HttpClient _http = new() { BaseAddress = echo };

    public async Task<int> CountAsync(string path)
    {
        var received = await _http.GetFromJsonAsync<JsonElement>($"/echo/received?path={Uri.EscapeDataString(path)}");
        return received.GetProperty("count").GetInt32();
    }
}
