using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Tests.Understanding;

public class VectorsTests
{
    [Theory]
    [InlineData(384, 0)]
    [InlineData(384, 1)]
    [InlineData(384, 7)]
    [InlineData(13, 9)]
    [InlineData(3, 5)]
    public void DotRows_GivesEachRowTheFloatDotGives_BitForBit(int width, int count)
    {
        var random = new Random(width * 31 + count);
        var vector = Floats(random, width);
        var rows = Floats(random, width * count);
        var dots = new float[count];

        Vectors.DotRows(rows, vector, dots);

        for (var r = 0; r < count; r++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(Vectors.Dot(rows.AsSpan(r * width, width), vector)), BitConverter.SingleToInt32Bits(dots[r]));
        }
    }

    [Fact]
    public void DotRows_RowsNotOfTheVectorsLength_Throws() =>
        Assert.Throws<ArgumentException>(() => Vectors.DotRows(new float[10], new float[4], new float[2]));

    private static float[] Floats(Random random, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() * 2 - 1))];
}
