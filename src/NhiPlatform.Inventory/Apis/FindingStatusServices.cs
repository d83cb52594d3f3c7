using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Findings;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>What acknowledge and resolve need, as one <c>[AsParameters]</c> holder.</summary>
internal sealed record FindingStatusServices(IFindingStore Store, ILiveChangePublisher Live, TimeProvider TimeProvider, ILogger<FindingEngine> Logger);
