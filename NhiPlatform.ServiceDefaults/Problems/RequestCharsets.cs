using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace NhiPlatform.ServiceDefaults.Problems;

/// <summary>
/// The charset of a JSON request body, settled before an endpoint reads it. ASP.NET Core's JSON reader looks the
/// charset up as written, so a quoted one (<c>charset="utf-8"</c>, as valid as the bare token) and an unknown one both
/// made it throw, and the caller got a 500. Here a quoted charset is unquoted, and one .NET has no encoding for is
/// refused with a 415 ProblemDetails: nothing could read that body. Form bodies are left alone: the form reader falls
/// back to UTF-8, and the OAuth endpoints that read them answer in RFC 6749's terms.
/// </summary>
public static class RequestCharsets
{
    /// <summary>Early in the pipeline, before anything reads a body; needs <c>AddProblemDetails</c>.</summary>
    public static IApplicationBuilder UseRequestCharsets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset.Length == 0 || !IsJson(mediaType))
        {
            await next(context);
            return;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString();
        if (!IsKnown(charset))
        {
            // The status alone when the caller's Accept excludes problem+json.
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    // Echoed back: cut, so a huge header is not returned whole.
                    Detail = $"The request body's charset '{(charset.Length <= 64 ? charset : charset[..64] + "…")}' is not supported; send UTF-8.",
                },
            });
            return;
        }

        if (mediaType.Charset != charset)
        {
            mediaType.Charset = charset;
            context.Request.ContentType = mediaType.ToString();
        }

        await next(context);
    });

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
