using System.Text;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>One generated request, reproducible from the run's seed and its index.</summary>
internal sealed record FuzzRequest(int Index, string Method, string PathAndQuery, IReadOnlyList<(string Name, string Value)> Headers,
    byte[]? Body, IReadOnlyList<string> ContentTypes)
{
    /// <summary>
    /// The message to send; throws (<see cref="FormatException"/>, <see cref="ArgumentException"/>...) when the HTTP
    /// client would refuse it, and such a request is skipped, not counted.
    /// </summary>
    public HttpRequestMessage ToMessage(Uri baseAddress)
    {
        var message = new HttpRequestMessage(new HttpMethod(Method), new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + PathAndQuery));
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            foreach (var contentType in ContentTypes)
            {
                if (!message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType))
                {
                    throw new FormatException("Content-Type refused by the client.");
                }
            }
        }

        foreach (var (name, value) in Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                throw new FormatException($"Header {name} refused by the client.");
            }
        }

        return message;
    }

    /// <summary>Enough to reproduce it by hand: method, target, headers (long ones cut), the start of the body.</summary>
    public string Describe(int seed)
    {
        var text = new StringBuilder($"#{Index} (seed {seed}): {Method} {Cut(PathAndQuery, 300)}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n  {name}: {Cut(value, 200)}");
        }

        foreach (var contentType in ContentTypes)
        {
            text.Append($"\n  Content-Type: {Cut(contentType, 200)}");
        }

        if (Body is not null)
        {
            var excerpt = Body.AsSpan(0, Math.Min(Body.Length, 300)).ToArray();
            text.Append($"\n  body ({Body.Length} bytes): {Encoding.UTF8.GetString(excerpt).Replace("\0", "\\0", StringComparison.Ordinal)}");
        }

        return text.ToString();
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : $"{value[..length]}… ({value.Length} chars)";
}
