using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ChatRequests.Benchmarks;

/// <summary>
/// Micro-benchmarks of the pieces of a turn, run in this process (no generated project to restore and build):
/// <c>dotnet run -c Release --project bench/ChatRequests.Benchmarks -- --filter '*'</c> (or '*Card*', ...).
/// Time varies with the machine's load; the bytes allocated per operation do not.
/// </summary>
internal static class Program
{
    public static void Main(string[] args)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1);
        // Microsoft.ML.OnnxRuntime's managed assembly (EncoderBenchmarks) is marked non-optimised; it only calls the native runtime.
        var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
