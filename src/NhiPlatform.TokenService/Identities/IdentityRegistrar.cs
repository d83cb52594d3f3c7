using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NhiPlatform.TokenService.Credentials;
using NhiPlatform.TokenService.Domain;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Registers identities: a readable client id, a server-generated secret stored as a digest only.</summary>
internal sealed class IdentityRegistrar(
    IIdentityStore store, ClientSecretHasher hasher, IOptions<TokenServiceOptions> options, TimeProvider timeProvider)
{
    /// <summary>The registered identity, or null when the requested client id is taken.</summary>
    public async Task<RegisteredIdentity?> RegisterAsync(NewIdentity request, string actor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var clientId = request.ClientId ?? $"{Slug(request.DisplayName)}-{RandomSuffix()}";
        var identity = new Identity
        {
            ClientId = clientId,
            DisplayName = request.DisplayName.Trim(),
            Owner = request.Owner.Trim(),
            Purpose = request.Purpose.Trim(),
            AllowedScopes = [.. request.AllowedScopes.Distinct(StringComparer.Ordinal)],
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
        var secret = ClientSecretFormat.Generate();
        var expiresAt = now + options.Value.ClientSecretMaxAge;
        var stored = new ClientSecret
        {
            SecretId = Guid.CreateVersion7(now),
            ClientId = clientId,
            Digest = hasher.Digest(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return await store.TryCreateAsync(identity, stored, cancellationToken)
            ? new RegisteredIdentity(identity, secret, expiresAt)
            : null;
    }

    /// <summary>Lower-case letters, digits and single dashes from the display name, at most 40 characters.</summary>
    internal static string Slug(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.Trim().ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        slug = slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
        return slug.Length == 0 ? "identity" : slug;
    }

    private static string RandomSuffix()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        return string.Create(6, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}
