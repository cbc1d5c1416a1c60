using Google.Protobuf;
using Onnx;

namespace ChatRequests.SentenceEncoding;

/// <summary>
/// Rewrites a BERT-style sentence encoder exported to ONNX (a <see cref="SentenceModel"/> as its package ships it) so that one
/// core runs it several times faster (ADR 0039): each matrix product by a constant weight becomes ONNX Runtime's
/// <c>com.microsoft.DynamicQuantizeMatMul</c>, the weight quantised to int8 per output column, the activation quantised
/// on the fly, the bias folded in. Before quantising, each product's input is smoothed (SmoothQuant): its channels are
/// divided by factors that the weight's rows are multiplied by, so that the few channels that run large (measured on
/// <see cref="CalibrationSentences"/>) no longer set the step of the activation's one 8-bit scale. Outputs nobody
/// reads (the pooler) are dropped with the nodes only they needed. Deterministic: the same model and options give
/// the same bytes.
/// </summary>
public static class ModelSlimmer
{
    private const string MicrosoftDomain = "com.microsoft";

    /// <summary>The encoder's per-token output, the one sentence vectors are pooled from.</summary>
    public const string HiddenStateOutput = "last_hidden_state";

    /// <summary>
    /// Raised whenever the bytes <see cref="Slim"/> makes of the same model and options change (a new rewrite, new
    /// calibration sentences): it keys <see cref="SlimModelCache"/>, so a cache of the old rewrite is not read.
    /// </summary>
    public const int Version = 1;

    /// <param name="kind">The model the bytes are (its tokenizer and query prefix for the calibration runs); default all-MiniLM-L6-v2.</param>
    public static byte[] Slim(byte[] onnxModel, SlimOptions? options = null, SentenceModel? kind = null)
    {
        ArgumentNullException.ThrowIfNull(onnxModel);
        options ??= SlimOptions.Default;
        kind ??= SentenceModel.MiniLm;
        var model = ModelProto.Parser.ParseFrom(onnxModel);
        var graph = model.Graph;
        if (graph.Output.All(o => o.Name != HiddenStateOutput))
        {
            throw new InvalidDataException($"The model has no '{HiddenStateOutput}' output: not a sentence encoder this slimmer knows.");
        }

        KeepOnlyHiddenState(graph);
        RemoveUnused(graph);
        var products = WeightProducts(graph);
        var ranges = options.Smoothing is null
            ? null
            : ActivationRanges.Measure(model, products.Select(p => p.Input).Distinct().ToList(), CalibrationSentences.For(kind), kind.Tokenizer);
        foreach (var group in products.GroupBy(p => p.Input))
        {
            var smoothing = ranges is null ? null : Smooth(graph, group.ToList(), ranges[group.Key], options.Smoothing!.Value);
            foreach (var product in group)
            {
                Quantize(graph, product, smoothing);
            }
        }

        RemoveUnused(graph);
        if (model.OpsetImport.All(o => o.Domain != MicrosoftDomain))
        {
            model.OpsetImport.Add(new OperatorSetIdProto { Domain = MicrosoftDomain, Version = 1 });
        }

        return model.ToByteArray();
    }

    private static void KeepOnlyHiddenState(GraphProto graph)
    {
        var kept = graph.Output.Single(o => o.Name == HiddenStateOutput);
        graph.Output.Clear();
        graph.Output.Add(kept);
    }

    /// <summary>A MatMul by a constant [K, N] weight, and the Add of a constant bias that only it feeds, if any.</summary>
    private sealed record WeightProduct(NodeProto MatMul, string Input, string Weight, float[] Values, int Columns, NodeProto? BiasAdd, string? Bias);

    private static List<WeightProduct> WeightProducts(GraphProto graph)
    {
        var initializers = graph.Initializer.ToDictionary(i => i.Name);
        var consumers = graph.Node.SelectMany(n => n.Input.Select(input => (input, n))).ToLookup(p => p.input, p => p.n);
        var outputs = graph.Output.Select(o => o.Name).ToHashSet();
        var products = new List<WeightProduct>();
        foreach (var node in graph.Node)
        {
            if (node.OpType != "MatMul" || node.Domain.Length > 0
                || !initializers.TryGetValue(node.Input[1], out var weight) || weight.Dims.Count != 2
                || weight.DataType != (int)TensorProto.Types.DataType.Float)
            {
                continue;
            }

            var add = FoldableBias(node.Output[0], weight.Dims[1], consumers, initializers, outputs);
            var bias = add?.Input.Single(initializers.ContainsKey);
            products.Add(new(node, node.Input[0], weight.Name, WeightQuantizer.Floats(weight), checked((int)weight.Dims[1]), add, bias));
        }

        return products;
    }

    // The Add that adds a constant vector of the product's width to the product, its only reader.
    private static NodeProto? FoldableBias(
        string product, long width, ILookup<string, NodeProto> consumers, Dictionary<string, TensorProto> initializers, HashSet<string> outputs)
    {
        var readers = consumers[product].ToList();
        if (readers.Count != 1 || outputs.Contains(product) || readers[0] is not { OpType: "Add", Domain: "" } add)
        {
            return null;
        }

        var other = add.Input[0] == product ? add.Input[1] : add.Input[0];
        return initializers.TryGetValue(other, out var bias) && bias.Dims.Count == 1 && bias.Dims[0] == width
            && bias.DataType == (int)TensorProto.Types.DataType.Float
            ? add
            : null;
    }

    // SmoothQuant for the products that read one input: factor s_k = range(x_k)^α / range(w_k)^(1-α) over the rows k
    // of all their weights; a Mul divides the input by s before the products, whose weights' rows are multiplied by s.
    private static float[] Smooth(GraphProto graph, List<WeightProduct> group, float[] activation, double alpha)
    {
        var factors = new float[activation.Length];
        for (var k = 0; k < factors.Length; k++)
        {
            var weight = group.Max(p => RowRange(p, k));
            factors[k] = activation[k] > 0 && weight > 0
                ? (float)(Math.Pow(activation[k], alpha) / Math.Pow(weight, 1 - alpha))
                : 1f;
        }

        var input = group[0].Input;
        var divisors = WeightQuantizer.Floats(input + "_smoothing", [.. factors.Select(f => 1 / f)]);
        graph.Initializer.Add(divisors);
        var smoothed = input + "_smoothed";
        var mul = new NodeProto { Name = smoothed, OpType = "Mul", Input = { input, divisors.Name }, Output = { smoothed } };
        graph.Node.Insert(graph.Node.IndexOf(group[0].MatMul), mul);
        foreach (var product in group)
        {
            product.MatMul.Input[0] = smoothed;
        }

        return factors;
    }

    private static float RowRange(WeightProduct product, int row)
    {
        var max = 0f;
        foreach (var value in product.Values.AsSpan(row * product.Columns, product.Columns))
        {
            max = MathF.Max(max, MathF.Abs(value));
        }

        return max;
    }

    private static void Quantize(GraphProto graph, WeightProduct product, float[]? smoothing)
    {
        var values = product.Values;
        if (smoothing is not null)
        {
            values = (float[])values.Clone();
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= smoothing[i / product.Columns];
            }
        }

        var (weights, scales) = WeightQuantizer.PerColumn(product.Weight, values, product.Columns);
        graph.Initializer.Add(weights);
        graph.Initializer.Add(scales);
        var node = product.MatMul;
        var rewritten = new NodeProto
        {
            Name = node.Name + "_quant",
            OpType = "DynamicQuantizeMatMul",
            Domain = MicrosoftDomain,
            Input = { node.Input[0], weights.Name, scales.Name },
            Output = { node.Output[0] },
        };
        if (product.BiasAdd is { } add)
        {
            // No zero point (B is symmetric), then the bias.
            rewritten.Input.Add("");
            rewritten.Input.Add(product.Bias!);
            rewritten.Output[0] = add.Output[0];
            graph.Node.Remove(add);
        }

        graph.Node[graph.Node.IndexOf(node)] = rewritten;
    }

    // Drops the nodes no kept output needs, then the initializers no node reads.
    private static void RemoveUnused(GraphProto graph)
    {
        var needed = graph.Output.Select(o => o.Name).ToHashSet();
        var kept = new List<NodeProto>();
        foreach (var node in graph.Node.Reverse())
        {
            if (node.Output.Any(needed.Contains))
            {
                kept.Add(node);
                needed.UnionWith(node.Input.Where(i => i.Length > 0));
            }
        }

        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        foreach (var initializer in graph.Initializer.Where(i => !needed.Contains(i.Name)).ToList())
        {
            graph.Initializer.Remove(initializer);
        }
    }
}
