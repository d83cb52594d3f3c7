using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using NhiPlatform.Inventory.Apis.Models;
using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Imports;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>Credentials (ours and imported): has it been rotated, which were rotated before a date; imports.</summary>
internal static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        app.Reads("Credentials").MapGet("/credentials", ListCredentials).WithName("ListCredentials");
        var writes = app.Writes("Imports");
        writes.MapPost("/imports/certificates", ImportCertificates).WithName("ImportCertificates").Accepts<string>("application/x-pem-file", "text/plain");
        writes.MapPost("/imports/api-keys", ImportApiKeys).WithName("ImportApiKeys").Accepts<string>("application/json", "text/csv");
        return app;
    }

    /// <summary><c>rotated_before</c>: live credentials whose last rotation (or creation) is before the instant.</summary>
    public static async Task<Ok<IReadOnlyList<CredentialItem>>> ListCredentials(
        CredentialListQuery query, IInventoryReader reader, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var credentials = await reader.GetCredentialsAsync(query.Query, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<CredentialItem>>([.. credentials.Select(c => CredentialItem.From(c, now))]);
    }

    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem>> ImportCertificates(
        HttpRequest request, CertificateImportQuery query, ClaimsPrincipal user,
        [AsParameters] ImportServices services, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        var parsed = body is null ? ImportParseResult.Fail($"Body missing or over {ImportLimits.MaxBytes} bytes.") : CertificatePemReader.Read(body, query.Owner, query.System);
        return await StoreAsync(parsed, user, services, cancellationToken);
    }

    public static async Task<Results<Ok<ImportOutcome>, ValidationProblem>> ImportApiKeys(
        HttpRequest request, ClaimsPrincipal user, [AsParameters] ImportServices services, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(request, cancellationToken);
        var csv = request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
        var parsed = body is null ? ImportParseResult.Fail($"Body missing or over {ImportLimits.MaxBytes} bytes.")
            : csv ? ApiKeyRecordReader.ReadCsv(body) : ApiKeyRecordReader.ReadJson(body);
        return await StoreAsync(parsed, user, services, cancellationToken);
    }

    private static async Task<Results<Ok<ImportOutcome>, ValidationProblem>> StoreAsync(
        ImportParseResult parsed, ClaimsPrincipal user, ImportServices services, CancellationToken cancellationToken)
    {
        if (!parsed.Ok)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["body"] = parsed.Errors.Count > 0 ? [.. parsed.Errors] : ["No records."] },
                title: "Import rejected: nothing was imported");
        }

        await services.Store.ImportAsync(parsed.Records, user.Actor(), services.TimeProvider.GetUtcNow(), cancellationToken);
        await services.Live.PublishAsync(LiveChangeKinds.Credentials, cancellationToken);
        return TypedResults.Ok(new ImportOutcome(
            parsed.Records.Count,
            [.. parsed.Records.Select(r => r.CredentialId)],
            [.. parsed.Records.Where(r => r.Owner is null).Select(r => r.CredentialId)]));
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > ImportLimits.MaxBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var buffer = new char[ImportLimits.MaxBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return read is 0 or > ImportLimits.MaxBytes ? null : new string(buffer, 0, read);
    }
}
