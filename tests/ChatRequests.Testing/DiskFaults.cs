using System.Diagnostics;
using System.Runtime.Versioning;
using Xunit;

namespace ChatRequests.Testing;

/// <summary>
/// Faults of the disk under a SQLite file, made for real and undone when disposed. Permissions do not stop root (the user
/// CI runs the tests as), so for root "read-only" is the immutable attribute (chattr +i), which stops root too.
/// Whether this machine lets a test make them is probed once (<see cref="ReadOnlyUnavailable"/>,
/// <see cref="MountUnavailable"/>): a container without CAP_LINUX_IMMUTABLE or CAP_SYS_ADMIN, or a file system without
/// the attribute, refuses them, and the tests that need them say so as their skip reason instead of failing.
/// </summary>
public static class DiskFaults
{
    private static readonly Lazy<string?> ReadOnlyProbe = new(ProbeReadOnly);
    private static readonly Lazy<string?> MountProbe = new(ProbeMount);

    /// <summary>Why <see cref="ReadOnly"/> cannot be made here, or null when it can.</summary>
    public static string? ReadOnlyUnavailable => ReadOnlyProbe.Value;

    /// <summary>Why <see cref="TinyFileSystem"/> cannot be mounted here, or null when it can.</summary>
    public static string? MountUnavailable => MountProbe.Value;

    /// <summary>Makes the files or folders read-only until disposed (a folder: nothing can be created or deleted in it).</summary>
    public static IDisposable ReadOnly(params string[] paths)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The disk faults are made with Linux tools.");
        }

        if (Environment.IsPrivilegedProcess)
        {
            Run("chattr", ["+i", .. paths]);
            return new Undo(() => Run("chattr", ["-i", .. paths]));
        }

        return WithoutWritePermission(paths);
    }

    [UnsupportedOSPlatform("windows")]
    private static Undo WithoutWritePermission(string[] paths)
    {
        var modes = paths.Select(File.GetUnixFileMode).ToArray();
        for (var i = 0; i < paths.Length; i++)
        {
            File.SetUnixFileMode(paths[i], modes[i] & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }

        return new Undo(() =>
        {
            for (var i = 0; i < paths.Length; i++)
            {
                File.SetUnixFileMode(paths[i], modes[i]);
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
            throw new InvalidOperationException($"{fileName} {string.Join(' ', arguments)} failed ({process.ExitCode}): {errors.Trim()}");
        }
    }

    /// <summary>Makes and undoes the read-only fault on a file of the temporary folder, where the tests put their files.</summary>
    private static string? ProbeReadOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            return "The disk faults are made with Linux tools.";
        }

        var file = Path.Combine(Path.GetTempPath(), "chatrequests-probe-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(file, "probe");
        try
        {
            using (ReadOnly(file))
            {
                try
                {
                    File.AppendAllText(file, "written");
                    return "A read-only file could still be written here.";
                }
                catch (UnauthorizedAccessException)
                {
                    // Read-only, as wanted.
                }
                catch (IOException)
                {
                    // Read-only, as wanted (EPERM from the immutable attribute).
                }
            }

            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "This machine refuses to make a file read-only for root (chattr +i): " + error.Message;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string? ProbeMount()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return "Needs root, to mount a small file system.";
        }

        try
        {
            new TinyFileSystem(kilobytes: 64).Dispose();
            return null;
        }
        catch (Exception error) when (error is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "This machine refuses to mount a small file system (mount -t tmpfs): " + error.Message;
        }
    }
}

/// <summary>Runs the action that undoes a fault once, when disposed.</summary>
public sealed class Undo(Action undo) : IDisposable
{
    private Action? _undo = undo;

    public void Dispose() => Interlocked.Exchange(ref _undo, null)?.Invoke();
}

/// <summary>
/// A file system of its own, small enough to fill (a tmpfs mounted on a temporary folder): the disk-full fault without
/// filling the machine's disk. Mounting needs root and a machine that allows it; <see cref="MountFactAttribute"/> skips
/// the tests elsewhere.
/// </summary>
public sealed class TinyFileSystem : IDisposable
{
    private const string Filler = "filler";

    public TinyFileSystem(int kilobytes)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "chatrequests-tests", "tmpfs-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        try
        {
            DiskFaults.Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", Path);
        }
        catch
        {
            Directory.Delete(Path);
            throw;
        }
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

/// <summary>A fact that makes a file read-only (<see cref="DiskFaults.ReadOnly"/>); skipped, with the reason, where the machine refuses it.</summary>
public sealed class ReadOnlyFaultFactAttribute : FactAttribute
{
    public ReadOnlyFaultFactAttribute() => Skip = DiskFaults.ReadOnlyUnavailable;
}

/// <summary>A fact that mounts a <see cref="TinyFileSystem"/>; skipped, with the reason, where the machine refuses it.</summary>
public sealed class MountFactAttribute : FactAttribute
{
    public MountFactAttribute() => Skip = DiskFaults.MountUnavailable;
}
