using NhiPlatform.LocalHost.Processes;

namespace NhiPlatform.LocalHost.Tests.Processes;

public sealed class ProcessRecordTests
{
    [Fact]
    public void TryParse_OwnLine_RoundTrips()
    {
        var record = new ProcessRecord(4242, 123456, UnixProcess.SigInt, "postgres", "/path with spaces/pg");

        Assert.Equal(record, ProcessRecord.TryParse(record.ToLine()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a record")]
    [InlineData("12\tx\t15\tname\tmarker")]
    [InlineData("12\t34\t15\tname\t")]
    public void TryParse_Garbage_ReturnsNull(string line)
    {
        Assert.Null(ProcessRecord.TryParse(line));
    }
}
