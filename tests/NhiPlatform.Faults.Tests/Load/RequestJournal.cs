using System.Collections.Concurrent;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>Every request sent to a gateway during the suite (load, probes, token and admin calls): what the ledger must hold.</summary>
internal sealed class RequestJournal
{
    private readonly ConcurrentQueue<SentRequest> _requests = new();

    public IReadOnlyCollection<SentRequest> Requests => _requests;

    public void Add(SentRequest request) => _requests.Enqueue(request);

    public IEnumerable<SentRequest> InPhase(string phase) => _requests.Where(r => r.Phase == phase);
}
