using System.Text;

namespace NhiPlatform.ServiceDefaults.Problems;

/// <summary>
/// A caller's text (a parameter or member name) as an error names it: at most a few characters, and valid UTF-16, so
/// writing it into a ProblemDetails cannot fail (the JSON writer throws on a lone surrogate, which JSON escapes allow).
/// </summary>
public static class EchoedText
{
    public static string Cut(string text, int maxLength = 64)
    {
        var shown = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        for (var i = 0; i < text.Length && shown.Length < maxLength; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                shown.Append(text, i++, 2);
            }
            else
            {
                shown.Append(char.IsSurrogate(text[i]) ? '\uFFFD' : text[i]);
            }
        }

        return shown.Length < text.Length ? shown.Append('…').ToString() : shown.ToString();
    }
}
