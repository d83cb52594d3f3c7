using System.Text;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>
/// Malformed requests for every public endpoint of the gateway. Request <c>i</c> of seed <c>s</c> depends on nothing
/// else, so any one of them can be rebuilt alone. About a third carry a valid token (admin, inventory and echo scopes),
/// so the authenticated code paths behind the gateway get the same garbage.
/// </summary>
internal sealed class FuzzRequestGenerator(int seed, string validToken, IReadOnlyList<string> knownClientIds)
{
    private static readonly string[] Endpoints =
    [
        "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/.well-known/jwks.json", "/.well-known/{rest}",
        "/connect/token", "/connect/token", "/connect/token", "/connect/introspect", "/connect/revoke", "/connect/{rest}",
        "/api/admin/identities", "/api/admin/identities", "/api/admin/identities/{id}", "/api/admin/identities/{id}/disable",
        "/api/admin/identities/{id}/enable", "/api/admin/identities/{id}/transfer", "/api/admin/identities/{id}/credentials",
        "/api/admin/identities/{id}/credentials/rotate", "/api/admin/identities/{id}/credentials/{guid}/revoke", "/api/admin/audit",
        "/api/admin/signing-keys", "/api/admin/signing-keys/{rest}/revoke", "/api/admin/{rest}",
        "/api/inventory/identities", "/api/inventory/identities/{id}", "/api/inventory/callers", "/api/inventory/map", "/api/inventory/findings",
        "/api/inventory/findings/evaluate", "/api/inventory/findings/{long}/acknowledge", "/api/inventory/findings/{long}/resolve",
        "/api/inventory/lifecycle/plan", "/api/inventory/search", "/api/inventory/tokens/{rest}/owner", "/api/inventory/tokens/inspect",
        "/api/inventory/usage", "/api/inventory/credentials", "/api/inventory/imports/certificates", "/api/inventory/imports/api-keys",
        "/api/inventory/live/ticket", "/api/inventory/export/{what}", "/api/inventory/{rest}",
        "/ui/", "/ui/index.html", "/ui/events", "/ui/{rest}", "/svc/echo/{rest}", "/svc/orders/{rest}", "/svc/unknown/{rest}",
        "/health", "/alive", "/", "/{rest}", "//{rest}", "/api/{rest}",
    ];

    public FuzzRequest Create(int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var method = Pick(random, FuzzValues.Methods);
        var path = Fill(random, Pick(random, Endpoints)) + Query(random);
        var headers = new List<(string, string)>();
        Authorization(random, headers);
        for (var i = random.Next(random.Next(20) == 0 ? 120 : 4); i > 0; i--)
        {
            headers.Add((Pick(random, FuzzValues.HeaderNames), FuzzValues.HeaderValue(random)));
        }

        var (body, contentTypes) = Body(random);
        return new FuzzRequest(index, method, path, headers, body, contentTypes);
    }

    private void Authorization(Random random, List<(string, string)> headers)
    {
        switch (random.Next(10))
        {
            case < 3:
                return;
            case < 6:
                headers.Add(("Authorization", $"Bearer {validToken}"));
                return;
            case 6:
                // The same header twice: a valid token and garbage, in either order.
                headers.Add(("Authorization", random.Next(2) == 0 ? $"Bearer {validToken}" : Pick(random, FuzzValues.AuthorizationSchemes)));
                headers.Add(("Authorization", Pick(random, FuzzValues.AuthorizationSchemes)));
                return;
            case 7:
                headers.Add(("Authorization", "Bearer " + Mangle(random, validToken)));
                return;
            default:
                headers.Add(("Authorization", Pick(random, FuzzValues.AuthorizationSchemes) + (random.Next(3) == 0 ? FuzzValues.HeaderValue(random) : "")));
                return;
        }
    }

    /// <summary>A token with one thing wrong: cut, a character changed, segments swapped or padded.</summary>
    private static string Mangle(Random random, string token) => random.Next(4) switch
    {
        0 => token[..random.Next(token.Length)],
        1 => token.Remove(random.Next(token.Length), 1).Insert(random.Next(token.Length - 1), ((char)random.Next(0x21, 0x7F)).ToString()),
        2 => string.Join('.', token.Split('.').Reverse()),
        _ => token + "." + token,
    };

    private string Fill(Random random, string template)
    {
        var path = new StringBuilder(template);
        path.Replace("{id}", random.Next(3) == 0 ? Pick(random, knownClientIds) : Segment(random));
        path.Replace("{guid}", random.Next(2) == 0 ? new Guid(FuzzValues.RandomBytes(random, 16)).ToString() : Segment(random));
        path.Replace("{long}", random.Next(2) == 0 ? random.NextInt64(-10, long.MaxValue).ToString() : Segment(random));
        path.Replace("{what}", random.Next(2) == 0 ? Pick(random, ["identities", "usage", "findings", "edges", "csv", "json"]) : Segment(random));
        path.Replace("{rest}", string.Join('/', Enumerable.Range(0, random.Next(1, 4)).Select(_ => Segment(random))));
        return path.ToString();
    }

    private static string Segment(Random random) => random.Next(12) switch
    {
        0 => new string('a', random.Next(300, 5000)),
        1 => Uri.EscapeDataString(FuzzValues.HeaderValue(random)),
        _ => Pick(random, FuzzValues.PathSegments),
    };

    private static string Query(Random random)
    {
        if (random.Next(2) == 0)
        {
            return string.Empty;
        }

        var pairs = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(15) == 0
            ? $"{Pick(random, FuzzValues.QueryNames)}={new string('9', random.Next(1000, 6000))}"
            : $"{Pick(random, FuzzValues.QueryNames)}={Pick(random, FuzzValues.QueryValues)}");
        return "?" + string.Join(random.Next(10) == 0 ? ";" : "&", pairs);
    }

    private static (byte[]? Body, string[] ContentTypes) Body(Random random)
    {
        var contentType = Pick(random, FuzzValues.ContentTypes);
        string[] contentTypes = contentType is null ? [] : random.Next(15) == 0 ? [contentType, Pick(random, FuzzValues.ContentTypes) ?? "text/plain"] : [contentType];
        byte[]? body = random.Next(12) switch
        {
            0 => null,
            1 => FuzzValues.RandomBytes(random, random.Next(1, 4096)),
            2 => [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0xFF, 0x00, 0x22, 0x7D],
            3 => Encoding.UTF8.GetBytes("grant_type=client_credentials&scope=" + new string('s', random.Next(10_000, 300_000))),
            4 => Encoding.UTF8.GetBytes(new string('[', random.Next(64, 20_000)) + new string(']', random.Next(0, 64))),
            5 => Encoding.UTF8.GetBytes(string.Join('&', Enumerable.Range(0, random.Next(500, 3000)).Select(i => $"k{i}=v"))),
            6 => Encoding.UTF8.GetBytes("{\"displayName\":\"" + new string('d', random.Next(1000, 200_000)) + "\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"]}"),
            7 => Encoding.UTF8.GetBytes(Pick(random, FuzzValues.TextBodies)),
            8 or 9 => Encoding.UTF8.GetBytes(Pick(random, FuzzValues.FormBodies)),
            _ => Encoding.UTF8.GetBytes(Pick(random, FuzzValues.JsonBodies)),
        };
        if (body is not null && random.Next(20) == 0)
        {
            // A NUL or an invalid UTF-8 sequence dropped somewhere into an otherwise plausible body.
            var at = random.Next(body.Length + 1);
            body = [.. body[..at], .. random.Next(2) == 0 ? new byte[] { 0 } : [0xED, 0xA0, 0x80], .. body[at..]];
        }

        return (body, contentTypes);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
