using System.Security.Cryptography;
using System.Text;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>Registers identities: a readable client id, a server-generated secret stored as a digest only, audited and streamed.</summary>
internal sealed class IdentityRegistrar(IIdentityStore store, SecretIssuer secrets, IdentityChangeNotifier notifier, TimeProvider timeProvider)
{
    /// <summary>The registered identity, or null when the requested client id is taken.</summary>
    public async Task<RegisteredIdentity?> RegisterAsync(NewIdentity request, string actor, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var clientId = request.ClientId ?? $"{Slug(request.DisplayName)}-{RandomSuffix()}";
        var identity = Draft(request, clientId, now, actor);
        var (secret, stored) = secrets.Issue(identity, now);
        var record = new IdentityRecord(identity, [stored], []);
        var change = IdentityChangeFactory.Build(IdentityChangeKinds.Created, actor, now, null, record, reason: null,
            IdentitySnapshots.From(stored)) with { NewSecrets = [stored] };
        if (await store.CommitAsync(change, cancellationToken) != CommitOutcome.Committed)
        {
            return null;
        }

        notifier.Committed(clientId);
        return new RegisteredIdentity(identity, secret, stored.ExpiresAt);
    }

    /// <summary>The identity a request describes, with defaults filled in (default scopes: every allowed scope).</summary>
    public static Identity Draft(NewIdentity request, string clientId, DateTimeOffset now, string actor)
    {
        IReadOnlyList<string> allowed = [.. (request.AllowedScopes ?? []).Distinct(StringComparer.Ordinal)];
        return new Identity
        {
            ClientId = clientId,
            DisplayName = request.DisplayName?.Trim() ?? string.Empty,
            Owner = request.Owner?.Trim() ?? string.Empty,
            Purpose = request.Purpose?.Trim() ?? string.Empty,
            Tags = request.Tags ?? new Dictionary<string, string>(),
            AllowedScopes = allowed,
            DefaultScopes = request.DefaultScopes is null ? allowed : [.. request.DefaultScopes.Distinct(StringComparer.Ordinal)],
            AllowedAudiences = [.. (request.AllowedAudiences ?? []).Distinct(StringComparer.Ordinal)],
            TokenLifetimeSeconds = request.TokenLifetimeSeconds ?? IdentityLimits.DefaultTokenLifetimeSeconds,
            CredentialMaxAgeDays = request.CredentialMaxAgeDays ?? IdentityLimits.DefaultCredentialMaxAgeDays,
            ExpiresAt = request.ExpiresAt,
            RequireSenderConstrainedTokens = request.RequireSenderConstrainedTokens,
            CreatedAt = now,
            CreatedBy = actor,
            UpdatedAt = now,
            UpdatedBy = actor,
        };
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
