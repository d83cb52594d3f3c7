using NhiPlatform.Inventory.Imports;

namespace NhiPlatform.Inventory.Tests.Imports;

public sealed class ApiKeyRecordReaderTests
{
    [Fact]
    public void ReadCsv_QuotedFieldsAndDates_AllColumns()
    {
        const string csv = "name,system,owner,created,expires,last_rotated\r\n" +
                           "crm-sync,salesforce,team-crm,2026-01-01,2027-01-01,2026-06-01T12:00:00Z\r\n" +
                           "\"stripe, live\",stripe,,2025-03-01,,\n";

        var result = ApiKeyRecordReader.ReadCsv(csv);

        Assert.True(result.Ok, string.Join("; ", result.Errors));
        Assert.Equal(2, result.Records.Count);
        var crm = result.Records[0];
        Assert.Equal("api_key:salesforce/crm-sync", crm.CredentialId);
        Assert.Equal("team-crm", crm.Owner);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero), crm.LastRotatedAt);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), crm.ExpiresAt);
        var stripe = result.Records[1];
        Assert.Equal("stripe, live", stripe.Name);
        Assert.Null(stripe.Owner);
        Assert.Equal(stripe.CreatedAt, stripe.LastRotatedAt);
    }

    [Theory]
    [InlineData("", "Empty CSV")]
    [InlineData("name,colour\nx,red\n", "unknown: colour")]
    [InlineData("name,system\na,b,c\n", "Line 2: 3 fields")]
    [InlineData("name,system,created\na,b,last tuesday\n", "Line 2: created 'last tuesday' is not a date")]
    [InlineData("name,system\n\"open,b\n", "never closed")]
    [InlineData("name,system\na,\n", "Line 2: name and system are required")]
    [InlineData("name,system\na,b\na,b\n", "Duplicate record b/a")]
    public void ReadCsv_Malformed_ClearErrorNothingRead(string csv, string error)
    {
        var result = ApiKeyRecordReader.ReadCsv(csv);

        Assert.Empty(result.Records);
        Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
    }

    [Fact]
    public void ReadJson_Array_CamelCaseNames()
    {
        var result = ApiKeyRecordReader.ReadJson("""
            [{"name":"gh-deploy","system":"github","owner":"team-platform","created":"2026-02-01","expires":"2026-12-01","lastRotated":"2026-05-01"}]
            """);

        var record = Assert.Single(result.Records);
        Assert.Equal("team-platform", record.Owner);
        Assert.Equal(new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero), record.LastRotatedAt);
    }

    [Theory]
    [InlineData("{\"name\":1}", "Expected a JSON array")]
    [InlineData("[1]", "Record 1: not an object")]
    [InlineData("[{\"name\":\"a\",\"system\":\"b\",\"expires\":\"soon\"}]", "Record 1: expires 'soon' is not a date")]
    [InlineData("[{", "Not valid JSON")]
    [InlineData("[]", "No records")]
    public void ReadJson_Malformed_ClearErrorNothingRead(string json, string error)
    {
        var result = ApiKeyRecordReader.ReadJson(json);

        Assert.Empty(result.Records);
        Assert.Contains(result.Errors, e => e.Contains(error, StringComparison.Ordinal));
    }
}
