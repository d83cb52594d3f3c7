using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace NhiPlatform.ServiceDefaults.Problems;

/// <summary>
/// The charset of a request body, settled before an endpoint reads it. ASP.NET Core looks the charset up as written:
/// the JSON reader threw on a quoted one (<c>charset="utf-8"</c>, as valid as the bare token) and on an unknown one,
/// and the form reader on UTF-7 (known to .NET, but turned off), and each was a 500. Here a quoted charset is unquoted;
/// a JSON body in a charset .NET cannot give is refused with a 415 ProblemDetails (nothing could read it); a form body
/// in one loses its charset and is read as UTF-8, as the form reader already reads any charset it does not know, so the
/// OAuth endpoints answer it in RFC 6749's terms.
/// </summary>
public static class RequestCharsets
{
    /// <summary>Early in the pipeline, before anything reads a body; needs <c>AddProblemDetails</c>.</summary>
    public static IApplicationBuilder UseRequestCharsets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("charset", StringComparison.OrdinalIgnoreCase)
            || !MediaTypeHeaderValue.TryParse(contentType, out var mediaType) || mediaType.Charset.Length == 0)
        {
            await next(context);
            return;
        }

        var json = IsJson(mediaType);
        if (!json && !IsForm(mediaType))
        {
            await next(context);
            return;
        }

        var charset = HeaderUtilities.RemoveQuotes(mediaType.Charset).ToString();
        var known = IsKnown(charset);
        if (!known && json)
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

        // Unquoted when known; dropped (so read as UTF-8) from a form when not.
        var settled = known ? charset : null;
        if (mediaType.Charset != settled)
        {
            mediaType.Charset = settled;
            context.Request.ContentType = mediaType.ToString();
        }

        await next(context);
    });

    private static bool IsJson(MediaTypeHeaderValue mediaType) =>
        mediaType.SubTypeWithoutSuffix.Equals("json", StringComparison.OrdinalIgnoreCase)
        || mediaType.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase);

    private static bool IsForm(MediaTypeHeaderValue mediaType) =>
        mediaType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)
        || mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static bool IsKnown(string charset)
    {
        try
        {
            _ = Encoding.GetEncoding(charset);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            // Unknown names are ArgumentException; a known one .NET turned off (UTF-7) is NotSupportedException.
            return false;
        }
    }
}
