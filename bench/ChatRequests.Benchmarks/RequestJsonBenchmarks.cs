using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Benchmarks;

/// <summary>
/// The request document as the stores read and write it (UTF-8 bytes through <see cref="RequestJson.Options"/>):
/// "assigned" is the sample story's request after assignment (3.6 KiB), "full-lifecycle" the Core tests' stored
/// document of a request through every step, history and a parked event included (10.5 KiB). "write, generated" is
/// <see cref="RequestDocumentWriter"/>, the stores' writer since wt-throughput14 (the same bytes).
/// </summary>
public class RequestJsonBenchmarks
{
    private ServiceRequest _request = null!;
    private byte[] _stored = [];

    [Params("assigned", "full-lifecycle")]
    public string Document { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _stored = Document == "assigned"
            ? JsonSerializer.SerializeToUtf8Bytes(BenchData.Create().Assigned, RequestJson.Options)
            : File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "documents", "full-lifecycle.json"));
        _request = JsonSerializer.Deserialize<ServiceRequest>(_stored, RequestJson.Options)!;
    }

    [Benchmark(Description = "write")]
    public byte[] Write() => JsonSerializer.SerializeToUtf8Bytes(_request, RequestJson.Options);

    [Benchmark(Description = "write, generated")]
    public byte[] WriteGenerated() => RequestDocumentWriter.ToUtf8Bytes(_request);

    [Benchmark(Description = "read")]
    public ServiceRequest? Read() => JsonSerializer.Deserialize<ServiceRequest>(_stored, RequestJson.Options);
}
