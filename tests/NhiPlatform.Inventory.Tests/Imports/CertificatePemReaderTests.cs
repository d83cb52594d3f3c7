using System.Security.Cryptography;
using NhiPlatform.Inventory.Imports;

namespace NhiPlatform.Inventory.Tests.Imports;

public sealed class CertificatePemReaderTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Read_Bundle_ReadsEveryFieldOfEachCertificate()
    {
        var (first, certificate) = TestCertificates.Create("payments-api", NotBefore, NotBefore.AddDays(365));
        var (second, _) = TestCertificates.Create("ledger-api", NotBefore, NotBefore.AddDays(30));

        var result = CertificatePemReader.Read(first + "\n" + second, owner: "team-payments", system: "mesh");

        Assert.True(result.Ok);
        Assert.Equal(2, result.Records.Count);
        var record = result.Records[0];
        Assert.Equal("payments-api", record.Name);
        Assert.Equal("CN=payments-api, O=NhiPlatform Tests", record.Subject);
        Assert.Equal(record.Subject, record.Issuer);
        Assert.Equal(["DNS:payments-api.internal", "IP:10.1.2.3"], record.Sans);
        Assert.Equal(certificate.SerialNumber, record.SerialNumber);
        Assert.Equal(certificate.GetCertHashString(HashAlgorithmName.SHA256), record.Fingerprint);
        Assert.Equal($"x509:{record.Fingerprint}", record.CredentialId);
        Assert.Equal(NotBefore, record.CreatedAt);
        Assert.Equal(NotBefore.AddDays(365), record.ExpiresAt);
        Assert.Equal("team-payments", record.Owner);
    }

    [Fact]
    public void Read_NoOwner_RecordIsOwnerless()
    {
        var (pem, _) = TestCertificates.Create("orphan", NotBefore, NotBefore.AddDays(10));

        Assert.Null(CertificatePemReader.Read(pem, owner: " ", system: null).Records.Single().Owner);
    }

    [Theory]
    [InlineData("hello world", "No PEM certificate found")]
    [InlineData("-----BEGIN CERTIFICATE-----\nMIIB\n", "END marker is missing")]
    [InlineData("-----BEGIN CERTIFICATE-----\n!!!notbase64!!!\n-----END CERTIFICATE-----", "Certificate #1")]
    [InlineData("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", "Certificate #1: not a readable X.509")]
    public void Read_Malformed_FailsWithAClearErrorAndNoRecords(string pem, string error)
    {
        var result = CertificatePemReader.Read(pem, "team", null);

        Assert.False(result.Ok);
        Assert.Empty(result.Records);
        Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void Read_OneBadBlockInABundle_FailsTheWholeBundle()
    {
        var (good, _) = TestCertificates.Create("good", NotBefore, NotBefore.AddDays(10));

        var result = CertificatePemReader.Read(good + "\n-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "team", null);

        Assert.Empty(result.Records);
        Assert.Equal("Certificate #2", result.Errors.Single()[..14]);
    }
}
