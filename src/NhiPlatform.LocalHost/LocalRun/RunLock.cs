using System.Globalization;

namespace NhiPlatform.LocalHost.LocalRun;

/// <summary>
/// One LocalHost per state directory: an exclusive lock on <c>run/localhost.lock</c> (flock, through
/// <see cref="FileShare.None"/>), held for the whole run and released by the kernel even when the process is killed.
/// The holder writes its process id beside it so that a second start can name it.
/// </summary>
internal sealed class RunLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private RunLock(FileStream @lock, string ownerFile)
    {
        _lock = @lock;
        _ownerFile = ownerFile;
    }

    /// <summary>Takes the lock, or returns null with the holder's process id (0 when unknown).</summary>
    public static RunLock? TryAcquire(LocalRunPaths paths, out int holderProcessId)
    {
        Directory.CreateDirectory(paths.RunDirectory);
        FileStream stream;
        try
        {
            stream = new FileStream(paths.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            holderProcessId = ReadOwner(paths.OwnerFile);
            return null;
        }

        holderProcessId = Environment.ProcessId;
        File.WriteAllText(paths.OwnerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new RunLock(stream, paths.OwnerFile);
    }

    public void Dispose()
    {
        if (ReadOwner(_ownerFile) == Environment.ProcessId)
        {
            File.Delete(_ownerFile);
        }

        _lock.Dispose();
    }

    private static int ReadOwner(string ownerFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(ownerFile).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? id
                : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
