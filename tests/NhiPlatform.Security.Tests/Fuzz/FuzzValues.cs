using System.Text;

namespace NhiPlatform.Security.Tests.Fuzz;

/// <summary>The raw material of malformed requests: hostile strings, encodings, numbers, dates and bodies.</summary>
internal static class FuzzValues
{
    public static readonly string[] Methods = ["GET", "GET", "GET", "POST", "POST", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "PROPFIND", "FOO", "get"];

    /// <summary>Already percent-encoded: invalid UTF-8, NUL, traversal, overlong forms, control characters, right-to-left marks.</summary>
    public static readonly string[] PathSegments =
    [
        "x", "%00", "%FF", "%C3%28", "%C0%AF", "%E2%80%AE", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "..", ".", "%25", "%", "%%20", "a%0Ab",
        "%EF%BF%BF", "%F4%90%80%80", "null", "undefined", "-1", "0", "99999999999999999999999", "NaN", "'%20OR%20'1'='1", "%3Cscript%3E",
        "~", "%7B%7D", "a;b=c", "%2F", "%5C", "..%5C..%5C", "%0D%0ASet-Cookie:%20x=y",
    ];

    public static readonly string[] QueryNames =
    [
        "limit", "offset", "cursor", "since", "until", "from", "to", "q", "owner", "status", "tag", "scope", "clientId", "route",
        "format", "ticket", "page", "pageSize", "sort", "kind", "identity", "service", "days", "actor", "action", "target", "reason", "%FF", "",
    ];

    public static readonly string[] QueryValues =
    [
        "", "-1", "0", "1", "2147483648", "-2147483649", "99999999999999999999999", "NaN", "1e309", "true", "%00", "%FF%FE", "%C3%28",
        "'%3B%20DROP%20TABLE%20x%3B--", "..%2F..%2Fetc%2Fpasswd", "%3Cscript%3E", "2026-13-45T99:99:99Z", "0001-01-01", "9999-12-31T23:59:59Z",
        "P1D", "key=value", "%3D%3D%3D", "a%20b", "%E2%80%AE", "[]", "{}", "nhi.admin", "active", "open",
    ];

    public static readonly string?[] ContentTypes =
    [
        null, "application/json", "application/json", "application/json; charset=utf-16", "application/json; charset=\"",
        "application/json; charset=\"utf-8\"", "application/json; charset=utf-7",
        "application/x-www-form-urlencoded", "application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=ebcdic-cp-us",
        "application/x-www-form-urlencoded; charset=utf-7",
        "multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=xyz", "text/plain", "text/csv",
        "application/x-pem-file", "garbage", "*/*", ";;;", "application/problem+json", "application/xml",
    ];

    public static readonly string[] JsonBodies =
    [
        "{", "[", "{\"a\":}", "\"unterminated", "null", "[]", "true", "{}", "1e309", "{\"a\":1,\"a\":2}", "{\"\\u0000\":\"\\u0000\"}",
        "{\"displayName\":1,\"owner\":[],\"purpose\":{},\"allowedScopes\":\"x\"}",
        "{\"displayName\":\"d\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[null,\"\",\" \",\"a b\"]}",
        "{\"displayName\":\"fuzz\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"tokenLifetimeSeconds\":-5,\"credentialMaxAgeDays\":1e10}",
        "{\"displayName\":\"fuzz\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"expiresAt\":\"not-a-date\",\"tags\":{\"\":\"\"}}",
        "{\"displayName\":\"fuzz\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"expiresAt\":\"0001-01-01T00:00:00Z\"}",
        "{\"clientId\":\"../../x\",\"displayName\":\"fuzz\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"allowedAudiences\":[null]}",
        "{\"displayName\":\"fuzz\",\"owner\":\"o\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"defaultScopes\":[\"nhi.admin\"]}",
        "{\"displayName\":\"a\\u0000b\",\"owner\":\"o\\u0000\",\"purpose\":\"p\",\"allowedScopes\":[\"echo.read\"],\"tags\":{\"k\\u0000\":\"v\"}}",
        "{\"jwk\":{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"\"}}", "{\"jwk\":{\"kty\":\"EC\",\"crv\":\"P-999\",\"x\":1}}", "{\"jwk\":\"x\",\"expiresAt\":5}",
        "{\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}", "{\"jwk\":{}}", "{\"jwk\":null,\"expiresAt\":\"9999-12-31T23:59:59Z\"}",
        "{\"graceSeconds\":2147483648}", "{\"graceSeconds\":-1}", "{\"graceSeconds\":\"x\"}", "{\"reason\":5}", "{\"reason\":null}",
        "{\"newOwner\":null}", "{\"newOwner\":\"\",\"reason\":[]}", "{\"token\":\"x\"}", "{\"token\":null}", "{\"status\":\"x\"}", "{\"status\":7}",
        "{\"immediate\":\"yes\"}", "{\"allowedScopes\":null,\"owner\":\"x\"}", "{\"clearExpiresAt\":\"maybe\"}", "{\"tokenLifetimeSeconds\":1e400}",
        "[{\"name\":\"k\",\"owner\":\"o\",\"createdAt\":\"x\"}]", "[{\"name\":null}]", "[1,2,3]", "{\"note\":\"\\ud800\"}",
    ];

    public static readonly string[] FormBodies =
    [
        "grant_type=client_credentials", "grant_type=client_credentials&scope=echo.read", "a=%ZZ&%=&&==", "%", "=&=&=", "grant_type=",
        "grant_type=password&username=a&password=b", "grant_type=authorization_code&code=x", "grant_type=refresh_token&refresh_token=x",
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=x&subject_token_type=urn%3Aietf%3Aparams%3Aoauth%3Atoken-type%3Ajwt",
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&subject_token=eyJhbGciOiJub25lIn0.e30.&subject_token_type=x&actor_token=y",
        "client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c&grant_type=client_credentials",
        "client_assertion_type=x&client_assertion=", "client_id=a&client_id=b", "client_id=%00&client_secret=%00", "scope=%FF%FE&grant_type=client_credentials",
        "resource=a&resource=b&grant_type=client_credentials", "token=x&token_type_hint=refresh_token", "token=&token_type_hint=%00", "token=%C3%28",
        "grant_type=client_credentials&client_id=x&client_secret=nhi_sk_0", "scope=" + new string('a', 130), "client_secret=" + new string('b', 600),
    ];

    public static readonly string[] TextBodies =
    [
        "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----",
        "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----", "name,owner,createdAt\n\"unterminated,x,y\n", "name,owner\n,,,,,,\n",
        "\"a\"\"b\",c\n", "a,b,c,d,e,f,g,h", "\uFEFF", "<xml/>", "<!DOCTYPE x [<!ENTITY y SYSTEM \"file:///etc/passwd\">]><x>&y;</x>",
    ];

    public static readonly string[] AuthorizationSchemes =
    [
        "Bearer", "Bearer ", "Bearer  ", "Bearer a.b.c", "Bearer eyJhbGciOiJub25lIn0.e30.", "Bearer ....", "Basic", "Basic !!!", "Basic YTpi",
        "Basic Og==", "Basic " + Convert.ToBase64String(new byte[600]), "Basic " + Convert.ToBase64String([0xC3, 0x28, 0x3A, 0x78]), "Digest username=x",
        "NTLM TlRMTVNTUAABAAAAB4IIogAAAAAAAAAAAAAAAAAAAAAKAF1YAAAADw==", "Negotiate", "DPoP x", "Bearer\tx", "bearer x", "BEARER x", ",", "Bearer x, Basic y",
    ];

    public static readonly string[] HeaderNames =
    [
        "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Prefix", "X-Nhi-Client-Id", "X-Nhi-Scopes", "X-Nhi-Token-Id",
        "Accept", "Accept-Encoding", "Accept-Language", "Range", "If-None-Match", "If-Modified-Since", "Content-Encoding", "Cookie", "Origin",
        "Referer", "User-Agent", "X-Requested-With", "Forwarded", "X-HTTP-Method-Override", "Expect", "Via", "Max-Forwards", "TE", "Upgrade",
    ];

    /// <summary>Header values the client sends as Latin-1 bytes: printable ASCII, and now and then bytes above 0x7F.</summary>
    public static string HeaderValue(Random random)
    {
        var length = random.Next(10) == 0 ? random.Next(100, 20_000) : random.Next(0, 60);
        // Mostly ASCII: Kestrel refuses invalid UTF-8 outright, and requests it refuses test nothing behind it.
        var highBytes = random.Next(8) == 0;
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(highBytes && random.Next(12) == 0 ? (char)random.Next(0x80, 0x100) : (char)random.Next(0x20, 0x7F));
        }

        return text.ToString();
    }

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
