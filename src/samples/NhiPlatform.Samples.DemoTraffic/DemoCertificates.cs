using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// The demo's X.509 certificates, generated with <see cref="CertificateRequest"/> (no openssl): one valid for a year,
/// one expiring in five days, one expired ten days ago. Each is kept as a PEM file and reused while it still shows
/// what it is meant to, so importing it again updates the same record (its fingerprint) instead of adding one.
/// </summary>
internal static class DemoCertificates
{
    public sealed record DemoCertificate(string Name, string HostName, string Owner, string System, TimeSpan NotBeforeOffset, TimeSpan NotAfterOffset)
    {
        /// <summary>Whether a certificate ending at <paramref name="notAfter"/> still shows this one's state at <paramref name="now"/>.</summary>
        public bool StillFits(DateTimeOffset notAfter, DateTimeOffset now) => NotAfterOffset switch
        {
            { Ticks: <= 0 } => notAfter <= now,
            var offset when offset <= ExpiringWindow => notAfter > now.AddDays(1) && notAfter <= now + ExpiringWindow,
            _ => notAfter > now + ExpiringWindow,
        };
    }

    /// <summary>The inventory's default warning window: a certificate ending within it is "expiring".</summary>
    private static readonly TimeSpan ExpiringWindow = TimeSpan.FromDays(14);

    public static IReadOnlyList<DemoCertificate> All { get; } =
    [
        new("storefront-tls", "shop.demo.internal", "team-web", "web", TimeSpan.FromDays(-1), TimeSpan.FromDays(365)),
        new("billing-mtls", "billing.demo.internal", "team-finance", "billing", TimeSpan.FromDays(-85), TimeSpan.FromDays(5)),
        new("erp-legacy", "erp-gateway.demo.internal", "team-platform", "erp", TimeSpan.FromDays(-375), TimeSpan.FromDays(-10)),
    ];

    /// <summary>The PEM of each certificate: the kept file if it still fits, else a new certificate written over it.</summary>
    public static async Task<string> EnsurePemAsync(DemoCertificate certificate, string directory, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var path = Path.Combine(directory, $"{certificate.Name}.pem");
        if (File.Exists(path) && await ReadIfStillFitsAsync(certificate, path, now, cancellationToken) is { } kept)
        {
            return kept;
        }

        var pem = Create(certificate, now);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(path, pem, cancellationToken);
        return pem;
    }

    private static async Task<string?> ReadIfStillFitsAsync(DemoCertificate certificate, string path, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pem = await File.ReadAllTextAsync(path, cancellationToken);
        try
        {
            using var existing = X509Certificate2.CreateFromPem(pem);
            return certificate.StillFits(new DateTimeOffset(existing.NotAfter.ToUniversalTime()), now) ? pem : null;
        }
        catch (CryptographicException)
        {
            // A damaged file is replaced, as a missing one would be.
            return null;
        }
    }

    private static string Create(DemoCertificate certificate, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={certificate.HostName}, O=NhiPlatform demo", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(certificate.HostName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        // Self-signed: only the dates and names matter to the inventory; the private key is thrown away.
        using var issued = request.CreateSelfSigned(now + certificate.NotBeforeOffset, now + certificate.NotAfterOffset);
        return issued.ExportCertificatePem();
    }
}
