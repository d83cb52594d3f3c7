using System.Net;
using NhiPlatform.Faults.Tests.Load;

namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>The comparison the suite's verdict rests on must itself catch loss, duplicates and phantom rows.</summary>
public sealed class LedgerComparisonTests
{
    private static SentRequest Answered(string phase, string path, int status) => new(phase, "gateway", "GET", path, status, HttpStatusCode.OK, null);

    private static SentRequest Unanswered(string phase, string path) => new(phase, "gateway", "GET", path, null, HttpStatusCode.OK, "refused");

    private static LedgerRow Row(string path, int status, Guid? id = null) => new(id ?? Guid.NewGuid(), path, status);

    [Fact]
    public void Of_EveryAnsweredRequestStoredOnce_NoProblem()
    {
        var comparison = LedgerComparison.Of([Answered("a", "/1", 200), Answered("a", "/2", 401)], [Row("/1", 200), Row("/2", 401)]);

        Assert.Empty(comparison.Problems);
        Assert.Equal(0, comparison.Missing);
    }

    [Fact]
    public void Of_RowMissing_NamesPhaseStatusAndCounts()
    {
        var comparison = LedgerComparison.Of([Answered("redis-restart", "/1", 200), Answered("redis-restart", "/2", 200)], [Row("/1", 200)]);

        Assert.Equal(1, comparison.Missing);
        Assert.Equal("phase 'redis-restart', status 200: 2 answered, 1 stored (1 missing).", Assert.Single(comparison.Problems));
    }

    [Fact]
    public void Of_StoredWithAnotherStatus_IsMissingAndExtra()
    {
        var comparison = LedgerComparison.Of([Answered("a", "/1", 200)], [Row("/1", 502)]);

        Assert.Equal(1, comparison.Missing);
        Assert.Equal(2, comparison.Problems.Count);
    }

    [Fact]
    public void Of_DuplicateEventId_IsReported()
    {
        var id = Guid.NewGuid();
        var comparison = LedgerComparison.Of([Answered("a", "/1", 200)], [Row("/1", 200, id), Row("/1", 200, id)]);

        Assert.Equal(1, comparison.Duplicates);
        Assert.Contains(comparison.Problems, p => p.Contains("duplicate event id", StringComparison.Ordinal));
    }

    [Fact]
    public void Of_RowForUnansweredRequest_IsTolerated_ButOnlyOnce()
    {
        Assert.Empty(LedgerComparison.Of([Unanswered("g", "/1")], [Row("/1", 200)]).Problems);
        Assert.Empty(LedgerComparison.Of([Unanswered("g", "/1")], []).Problems);
        Assert.Single(LedgerComparison.Of([Unanswered("g", "/1")], [Row("/1", 200), Row("/1", 200)]).Problems);
    }

    [Fact]
    public void Of_RowNobodySent_IsReported()
    {
        var comparison = LedgerComparison.Of([Answered("a", "/1", 200)], [Row("/1", 200), Row("/phantom", 200)]);

        Assert.Contains(comparison.Problems, p => p.Contains("/phantom", StringComparison.Ordinal));
    }
}
