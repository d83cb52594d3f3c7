using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenService.Signing;

/// <summary>The JWKS document (RFC 7517 §5): public members only, whatever the key type.</summary>
internal static class JwksWriter
{
    public static JsonObject Write(IEnumerable<JsonWebKey> keys)
    {
        var array = new JsonArray();
        foreach (var key in keys)
        {
            array.Add(WriteKey(key));
        }

        return new JsonObject { ["keys"] = array };
    }

    /// <summary>One key's public members (RFC 7517 §4, RFC 7518 §6); absent optional members are left out.</summary>
    public static JsonObject WriteKey(JsonWebKey key)
    {
        var node = new JsonObject { ["kty"] = key.Kty };
        if (!string.IsNullOrEmpty(key.Use))
        {
            node["use"] = key.Use;
        }

        node["kid"] = key.Kid;
        if (!string.IsNullOrEmpty(key.Alg))
        {
            node["alg"] = key.Alg;
        }

        if (key.Kty == JsonWebAlgorithmsKeyTypes.RSA)
        {
            node["n"] = key.N;
            node["e"] = key.E;
        }
        else
        {
            node["crv"] = key.Crv;
            node["x"] = key.X;
            node["y"] = key.Y;
        }

        return node;
    }
}
