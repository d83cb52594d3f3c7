using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Apis;

/// <summary>Exports of identities, credentials, edges and findings as JSON or CSV (a download).</summary>
internal static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.Reads("Export").MapGet("/export/{what}", Export).WithName("Export");
        return app;
    }

    public static async Task<Results<IResult, ValidationProblem>> Export(
        string what, ExportQuery query, IInventoryReader reader, IFindingStore findings, CancellationToken cancellationToken)
    {
        var csv = query.Csv;
        (object Rows, string Csv)? export = what switch
        {
            "identities" => Table(await reader.ListIdentitiesAsync(cancellationToken),
                ["client_id", "display_name", "owner", "purpose", "status", "allowed_scopes", "created_at"],
                i => [i.ClientId, i.DisplayName, i.Owner, i.Purpose, i.Status, string.Join(' ', i.AllowedScopes), Iso(i.CreatedAt)]),
            "credentials" => Table(await reader.GetCredentialsAsync(new CredentialQuery(), cancellationToken),
                ["credential_id", "source", "client_id", "name", "system", "owner", "created_at", "expires_at", "last_rotated_at", "revoked_at", "last_used_at", "fingerprint"],
                c => [c.CredentialId, c.Source, c.ClientId, c.Name, c.System, c.EffectiveOwner, Iso(c.CreatedAt), Iso(c.ExpiresAt), Iso(c.LastRotatedAt),
                    Iso(c.RevokedAt), Iso(c.LastUsedAt), c.Fingerprint]),
            "edges" => Table(await reader.GetEdgesAsync(null, null, null, cancellationToken),
                ["caller", "caller_kind", "route_id", "service", "calls", "denials", "first_seen", "last_seen", "scopes"],
                e => [e.Caller, e.CallerKind, e.RouteId, e.Service, Num(e.Calls), Num(e.Denials), Iso(e.FirstSeen), Iso(e.LastSeen), string.Join(' ', e.Scopes)]),
            "findings" => Table(await findings.ListAsync(new FindingFilter(Limit: 100_000), cancellationToken),
                ["id", "rule", "subject", "client_id", "severity", "status", "title", "first_detected", "last_detected", "status_by", "status_reason"],
                f => [Num(f.Id), f.Rule, f.Subject, f.ClientId, f.Severity, f.Status, f.Title, Iso(f.FirstDetected), Iso(f.LastDetected), f.StatusBy, f.StatusReason]),
            _ => null,
        };
        if (export is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["what"] = ["identities, credentials, edges or findings."] });
        }

        return csv
            ? TypedResults.Text(export.Value.Csv, "text/csv; charset=utf-8")
            : TypedResults.Json(export.Value.Rows);
    }

    private static (object Rows, string Csv) Table<T>(IReadOnlyList<T> rows, string[] header, Func<T, string?[]> columns)
    {
        var text = new System.Text.StringBuilder().AppendJoin(',', header).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns(row).Select(Quote)).Append("\r\n");
        }

        return (rows, text.ToString());
    }

    /// <summary>RFC 4180 quoting; a leading =, +, - or @ is prefixed with a quote so spreadsheets do not run it.</summary>
    private static string Quote(string? value)
    {
        var v = value ?? string.Empty;
        if (v.Length > 0 && "=+-@".Contains(v[0], StringComparison.Ordinal))
        {
            v = "'" + v;
        }

        return v.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }

    private static string? Iso(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);
}
