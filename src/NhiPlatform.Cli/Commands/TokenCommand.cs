using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Cli.Connection;
using NhiPlatform.Client.Tokens;

namespace NhiPlatform.Cli.Commands;

/// <summary><c>nhi token get|inspect|revoke</c>.</summary>
internal static class TokenCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("token", "Access tokens: get one, read one, revoke one.");
        command.Subcommands.Add(Get(global));
        command.Subcommands.Add(Inspect(global));
        command.Subcommands.Add(Revoke(global));
        return command;
    }

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(secret)}")));

    private static Command Get(GlobalOptions global)
    {
        var scope = new Option<string?>("--scope") { Description = "Scopes, space separated (default: the identity's defaults)." };
        var dpop = new Option<bool>("--dpop")
        {
            Description = "Get a DPoP-bound token (RFC 9449) for a key made in memory for this command: it shows the binding (cnf.jkt); " +
                "without the key, which ends with the command, nobody can use the token.",
        };
        var command = new Command("get", "Gets an access token for the identity given by --client-id/--client-secret; prints it.") { scope, dpop };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
            if (result.GetValue(scope) is { Length: > 0 } requested)
            {
                form["scope"] = requested;
            }

            using var proofs = result.GetValue(dpop) ? new DPoPProofFactory(TimeProvider.System) : null;
            var response = await api.ReadAsync(() => RequestTokenAsync(api, form, proofs, cancellationToken), cancellationToken);
            var output = global.Output(result);
            if (output.Json)
            {
                output.WriteJson(response);
            }
            else
            {
                output.WriteLine(response.GetProperty("access_token").GetString()!);
                if (proofs is not null)
                {
                    var jkt = new JsonWebToken(response.GetProperty("access_token").GetString()).GetPayloadValue<JsonElement>("cnf").GetProperty("jkt");
                    output.WriteLine($"token_type {response.GetProperty("token_type").GetString()}, bound to key thumbprint (cnf.jkt) {jkt.GetString()}");
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>POST /connect/token; with DPoP, a proof per attempt and one more attempt with the nonce a <c>use_dpop_nonce</c> answer gives.</summary>
    private static async Task<HttpResponseMessage> RequestTokenAsync(
        PlatformApi api, Dictionary<string, string> form, DPoPProofFactory? proofs, CancellationToken cancellationToken)
    {
        var endpoint = new Uri(api.Settings.Gateway, "/connect/token");
        for (var attempt = 0; ; attempt++)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new FormUrlEncodedContent(form) };
            request.Headers.Authorization = Basic(api.Settings.ClientId, api.Settings.ClientSecret);
            if (proofs is not null)
            {
                request.Headers.Add(DPoPProofFactory.ProofHeader, proofs.Create(HttpMethod.Post, endpoint));
            }

            var response = await api.Anonymous.SendAsync(request, cancellationToken);
            if (proofs is null || attempt > 0 || response.StatusCode != System.Net.HttpStatusCode.BadRequest
                || !response.Headers.TryGetValues(DPoPProofFactory.NonceHeader, out var nonces) || !proofs.Remember(endpoint, nonces.First()))
            {
                return response;
            }

            response.Dispose();
        }
    }

    private static Command Inspect(GlobalOptions global)
    {
        var token = new Argument<string>("token");
        var command = new Command("inspect", "Decodes a token locally (UNVERIFIED: shows what it claims, proves nothing).") { token };
        CommandAction.Set(command, (result, _) =>
        {
            JsonWebToken jwt;
            try
            {
                jwt = new JsonWebToken(result.GetValue(token)!.Trim());
            }
            catch (ArgumentException)
            {
                throw new CliException("That is not a JWT (three base64url parts).", ExitCodes.Usage);
            }

            var output = global.Output(result);
            var header = JsonDocument.Parse(Base64UrlDecode(jwt.EncodedHeader)).RootElement;
            var payload = JsonDocument.Parse(Base64UrlDecode(jwt.EncodedPayload)).RootElement;
            if (output.Json)
            {
                output.WriteJson(JsonSerializer.SerializeToElement(new { verified = false, header, payload }));
                return Task.FromResult(ExitCodes.Success);
            }

            output.WriteLine("UNVERIFIED (decoded locally; the signature was not checked)");
            output.WriteLine($"header:  {header.GetRawText()}");
            foreach (var claim in payload.EnumerateObject())
            {
                output.WriteLine($"{claim.Name,-10} {claim.Value}");
            }

            output.WriteLine($"expires:  {jwt.ValidTo:O} ({(jwt.ValidTo > DateTime.UtcNow ? "in the future" : "expired")})");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command Revoke(GlobalOptions global)
    {
        var token = new Argument<string>("token");
        var command = new Command("revoke", "Revokes an access token (RFC 7009), as the identity given by --client-id/--client-secret.") { token };
        CommandAction.Set(command, async (result, cancellationToken) =>
        {
            await using var api = global.Connect(result);
            await api.ReadAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Post, "/connect/revoke")
                {
                    Content = new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["token"] = result.GetValue(token)!.Trim(),
                        ["token_type_hint"] = "access_token",
                    }),
                };
                request.Headers.Authorization = Basic(api.Settings.ClientId, api.Settings.ClientSecret);
                return api.Anonymous.SendAsync(request, cancellationToken);
            }, cancellationToken);
            global.Output(result).WriteLine("revoked");
            return ExitCodes.Success;
        });
        return command;
    }

    private static string Base64UrlDecode(string value) => Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(value));
}
