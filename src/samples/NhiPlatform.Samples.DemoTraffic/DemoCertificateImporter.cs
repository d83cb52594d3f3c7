using System.Net.Http.Headers;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// Imports the demo certificates through the gateway (<c>/api/inventory/imports/certificates</c>, scope nhi.admin),
/// one request per certificate so each carries its owner and system. Importing the same PEM again updates its record.
/// </summary>
internal sealed class DemoCertificateImporter(HttpClient gateway, string directory, TimeProvider timeProvider, TextWriter output)
{
    public async Task ImportAsync(string adminToken, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        foreach (var certificate in DemoCertificates.All)
        {
            var pem = await DemoCertificates.EnsurePemAsync(certificate, directory, now, cancellationToken);
            var query = $"?owner={Uri.EscapeDataString(certificate.Owner)}&system={Uri.EscapeDataString(certificate.System)}";
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/inventory/imports/certificates" + query)
            {
                Content = new StringContent(pem, MediaTypeHeaderValue.Parse("application/x-pem-file")),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
            using var response = await gateway.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new InvalidOperationException($"demo: importing certificate {certificate.Name} failed: {(int)response.StatusCode} {body}");
            }

            await output.WriteLineAsync($"demo: imported certificate {certificate.Name} (owner {certificate.Owner})");
        }
    }
}
