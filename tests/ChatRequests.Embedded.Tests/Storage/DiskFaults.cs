using System.Diagnostics;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// Faults of the disk under a SQLite file, made for real and undone when disposed. Permissions do not stop root (the user
/// CI runs the tests as), so for root "read-only" is the immutable attribute (chattr +i), which stops root too.
/// </summary>
internal static class DiskFaults
{
    /// <summary>Makes the file or folder read-only until disposed (a folder: nothing can be created or deleted in it).</summary>
    public static IDisposable ReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The disk faults are made with Linux tools.");
        }

        if (Environment.IsPrivilegedProcess)
        {
            Run("chattr", "+i", path);
            return new Undo(() => Run("chattr", "-i", path));
        }

        var mode = File.GetUnixFileMode(path);
        File.SetUnixFileMode(path, mode & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        return new Undo(() =>
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, mode);
            }
        });
    }

    internal static void Run(string fileName, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{fileName} did not start.");
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors}");
        }
    }

}

/// <summary>Runs the action that undoes a fault once, when disposed.</summary>
internal sealed class Undo(Action undo) : IDisposable
{
    private Action? _undo = undo;

    public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
}

/// <summary>
/// A file system of its own, small enough to fill (a tmpfs mounted on a temporary folder): the disk-full fault without
/// filling the machine's disk. Mounting needs root; <see cref="RootFactAttribute"/> skips the tests elsewhere.
/// </summary>
internal sealed class TinyFileSystem : IDisposable
{
    private const string Filler = "filler";

    public TinyFileSystem(int kilobytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatrequests-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        DiskFaults.Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Takes every free byte (a file written until the file system says it is full).</summary>
    public void Fill()
    {
        using var filler = new FileStream(File(Filler), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 1);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // No space left on device: full, as wanted.
        }
    }

    /// <summary>Gives the space taken by <see cref="Fill"/> back.</summary>
    public void Free() => System.IO.File.Delete(File(Filler));

    public void Dispose()
    {
        DiskFaults.Run("umount", "--lazy", Path);
        Directory.Delete(Path);
    }
}

/// <summary>A fact that needs root (mounting a file system); skipped, and reported as skipped, elsewhere.</summary>
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "Needs root, to mount a small file system.";
        }
    }
}
