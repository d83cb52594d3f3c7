using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace NhiPlatform.Inventory.Tests.Imports;

/// <summary>Self-signed certificates made on the spot, as PEM.</summary>
internal static class TestCertificates
{
    public static (string Pem, X509Certificate2 Certificate) Create(string commonName, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}, O=NhiPlatform Tests", key, HashAlgorithmName.SHA256);
        var sans = new SubjectAlternativeNameBuilder();
        sans.AddDnsName($"{commonName}.internal");
        sans.AddIpAddress(IPAddress.Parse("10.1.2.3"));
        request.CertificateExtensions.Add(sans.Build());
        var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return (certificate.ExportCertificatePem(), certificate);
    }
}
