using Onnx;

namespace ChatRequests.SentenceEncoding.Tests;

public sealed class ModelSlimmerTests(EncoderModels models) : IClassFixture<EncoderModels>
{
    private static readonly string[] Sentences =
    [
        "I need a new laptop",
        "my headset broke, can I get another one",
        "could I get Visio installed",
        "access to the HR share please",
        "VPN keeps dropping",
        "hlep",
    ];

    [Fact]
    public void SlimModel_LoadsAndGivesUnitVectorsOfTheOriginalWidth()
    {
        var vector = models.Slim.Encode("a 27 inch monitor for the Berlin office");

        Assert.Equal(384, models.Slim.Dimensions);
        Assert.Equal(models.Original.Dimensions, vector.Length);
        Assert.Equal(1f, EncoderModels.Cosine(vector, vector), 3);
    }

    [Fact]
    public void TheSlimModelReadFromItsFile_GivesTheSameVectors()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slim-{Guid.NewGuid():N}.onnx");
        File.WriteAllBytes(path, models.SlimBytes);
        try
        {
            using var fromFile = EncoderSession.FromFile(path, SentenceModel.MiniLm);

            Assert.All(Sentences, sentence => Assert.Equal(models.Slim.Encode(sentence), fromFile.Encode(sentence)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SlimVectors_AgreeWithTheOriginalOnes()
    {
        foreach (var sentence in Sentences)
        {
            Assert.InRange(EncoderModels.Cosine(models.Original.Encode(sentence), models.Slim.Encode(sentence)), 0.98f, 1.0001f);
        }
    }

    [Fact]
    public void SlimVectors_StillTellSentencesApart()
    {
        var laptop = models.Slim.Encode(Sentences[0]);
        var vpn = models.Slim.Encode(Sentences[4]);
        var original = EncoderModels.Cosine(models.Original.Encode(Sentences[0]), models.Original.Encode(Sentences[4]));

        Assert.InRange(EncoderModels.Cosine(laptop, vpn), original - 0.03f, original + 0.03f);
        Assert.True(original < 0.8f, $"cosine {original}: the check would not see two sentences merged");
    }

    [Fact]
    public void Slim_RewritesEveryWeightProductToInt8AndDropsThePooler()
    {
        var model = ModelProto.Parser.ParseFrom(models.SlimBytes);
        var initializers = model.Graph.Initializer.ToDictionary(i => i.Name);

        Assert.Equal(36, model.Graph.Node.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Domain == "com.microsoft"));
        Assert.DoesNotContain(model.Graph.Node, n => n.OpType is "MatMul" or "Gemm" && n.Input.Any(initializers.ContainsKey));
        Assert.Equal([ModelSlimmer.HiddenStateOutput], model.Graph.Output.Select(o => o.Name));
        Assert.True(models.SlimBytes.Length < models.OriginalBytesLength * 2 / 3, $"{models.SlimBytes.Length:N0} bytes");
    }

    [Fact]
    public void Slim_RefusesAModelWithoutTheHiddenStateOutput()
    {
        var model = new ModelProto { Graph = new GraphProto { Output = { new ValueInfoProto { Name = "logits" } } } };

        Assert.Throws<InvalidDataException>(() => ModelSlimmer.Slim(Google.Protobuf.MessageExtensions.ToByteArray(model)));
    }
}
