using NhiPlatform.Inventory.Domain;
using NhiPlatform.Inventory.Live;

namespace NhiPlatform.Inventory.Apis;

/// <summary>What an import needs, as one <c>[AsParameters]</c> holder.</summary>
internal sealed record ImportServices(ICredentialImportStore Store, ILiveChangePublisher Live, TimeProvider TimeProvider);
