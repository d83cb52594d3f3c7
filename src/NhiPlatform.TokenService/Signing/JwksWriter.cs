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
            var node = new JsonObject { ["kty"] = key.Kty, ["use"] = key.Use, ["kid"] = key.Kid, ["alg"] = key.Alg };
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

            array.Add(node);
        }

        return new JsonObject { ["keys"] = array };
    }
}
