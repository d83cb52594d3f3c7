using System.Buffers.Binary;

namespace NhiPlatform.Gateway.Usage;

/// <summary>
/// Version 7 UUIDs (RFC 9562 §5.7) for usage events: the request's time in milliseconds, then 74 random bits.
/// <see cref="Guid.CreateVersion7(DateTimeOffset)"/> takes its random bits from the operating system, a system call
/// on every request; an event id must be unique, not secret, so the bits come from <see cref="Random.Shared"/>
/// (per-thread xoshiro256**, seeded from the system at start) instead.
/// </summary>
internal static class UsageEventIds
{
    public static Guid Create(DateTimeOffset occurredAt)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = occurredAt.ToUnixTimeMilliseconds();
        BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)(milliseconds >> 32));
        BinaryPrimitives.WriteUInt32BigEndian(bytes[2..], (uint)milliseconds);
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
