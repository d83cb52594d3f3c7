using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using NhiPlatform.Inventory.Domain;

namespace NhiPlatform.Inventory.Imports;

/// <summary>
/// Reads every certificate of a PEM bundle with .NET's X509 classes: subject, issuer, SANs, serial, SHA-256 fingerprint,
/// notBefore/notAfter. One bad block fails the whole bundle, with its position, so nothing is half-imported.
/// </summary>
internal static partial class CertificatePemReader
{
    public static ImportParseResult Read(string pem, string? owner, string? system)
    {
        var begins = BeginMarker().Count(pem);
        var blocks = CertificateBlock().Matches(pem);
        if (begins == 0)
        {
            return ImportParseResult.Fail("No PEM certificate found (expected -----BEGIN CERTIFICATE-----).");
        }

        if (blocks.Count != begins)
        {
            return ImportParseResult.Fail($"{begins} BEGIN CERTIFICATE markers but {blocks.Count} complete blocks: a block is cut or its END marker is missing.");
        }

        var records = new List<CredentialRecord>();
        var errors = new List<string>();
        for (var i = 0; i < blocks.Count; i++)
        {
            try
            {
                var der = Convert.FromBase64String(Whitespace().Replace(blocks[i].Groups["body"].Value, string.Empty));
                using var certificate = X509CertificateLoader.LoadCertificate(der);
                records.Add(ToRecord(certificate, owner, system));
            }
            catch (Exception exception) when (exception is FormatException or CryptographicException)
            {
                errors.Add($"Certificate #{i + 1}: not a readable X.509 certificate ({exception.Message.TrimEnd('.')}).");
            }
        }

        return errors.Count > 0 ? ImportParseResult.Fail([.. errors]) : new ImportParseResult(records, []);
    }

    private static CredentialRecord ToRecord(X509Certificate2 certificate, string? owner, string? system)
    {
        var fingerprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        var sans = new List<string>();
        foreach (var extension in certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>())
        {
            sans.AddRange(extension.EnumerateDnsNames().Select(n => $"DNS:{n}"));
            sans.AddRange(extension.EnumerateIPAddresses().Select(a => $"IP:{a}"));
        }

        var commonName = certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);
        return new CredentialRecord
        {
            CredentialId = $"x509:{fingerprint}",
            Source = "x509",
            Name = string.IsNullOrEmpty(commonName) ? certificate.Subject : commonName,
            System = string.IsNullOrWhiteSpace(system) ? null : system.Trim(),
            Owner = string.IsNullOrWhiteSpace(owner) ? null : owner.Trim(),
            Kind = "certificate",
            CreatedAt = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            ExpiresAt = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            LastRotatedAt = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            Sans = sans,
            SerialNumber = certificate.SerialNumber,
            Fingerprint = fingerprint,
        };
    }

    [GeneratedRegex("-----BEGIN CERTIFICATE-----")]
    private static partial Regex BeginMarker();

    [GeneratedRegex("-----BEGIN CERTIFICATE-----(?<body>[^-]*)-----END CERTIFICATE-----")]
    private static partial Regex CertificateBlock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
