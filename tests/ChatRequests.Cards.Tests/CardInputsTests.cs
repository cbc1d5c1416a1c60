namespace ChatRequests.Cards.Tests;

public class CardInputsTests
{
    [Fact]
    public void Field_And_FieldIdOf_RoundTrip()
    {
        Assert.Equal("field.costCentre", CardInputs.Field("costCentre"));
        Assert.Equal("costCentre", CardInputs.FieldIdOf(CardInputs.Field("costCentre")));
    }

    [Theory]
    [InlineData("justification")]
    [InlineData("field.")]
    [InlineData("fields.x")]
    public void FieldIdOf_OtherInputs_IsNull(string inputId)
    {
        Assert.Null(CardInputs.FieldIdOf(inputId));
    }

    [Fact]
    public void Verbs_AreDistinctAndAllListed()
    {
        var constants = typeof(CardVerbs).GetFields().Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(42, constants.Count);
        Assert.Equal(constants.Order(), CardVerbs.All.Order());
        Assert.Equal(constants.Count, constants.Distinct().Count());
    }
}
