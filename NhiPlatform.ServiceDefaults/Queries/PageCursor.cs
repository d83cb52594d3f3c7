using System.Buffers.Text;
using System.Text;

namespace NhiPlatform.ServiceDefaults.Queries;

/// <summary>
/// The opaque <c>next</c>/<c>cursor</c> of a list: the last row's sort key, versioned and base64url-encoded. Clients
/// pass it back unchanged; only the list that made it reads its parts.
/// </summary>
public static class PageCursor
{
    private const string Version = "v1";
    private const int MaxLength = 512;

    public static string Encode(params string[] parts) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('\n', [Version, .. parts])));

    /// <summary>The parts, or null when the text is not a cursor of this version with that many parts.</summary>
    public static string[]? Decode(string cursor, int parts)
    {
        if (cursor.Length is 0 or > MaxLength || !Base64Url.IsValid(cursor))
        {
            return null;
        }

        var fields = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)).Split('\n');
        return fields.Length == parts + 1 && fields[0] == Version ? fields[1..] : null;
    }
}
