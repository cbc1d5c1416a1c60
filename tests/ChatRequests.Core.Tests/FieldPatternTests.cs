using ChatRequests.Core.Catalog;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Core.Tests;

public class FieldPatternTests
{
    // Exponential on a backtracking engine: every way of splitting the a's among the groups is tried before failing.
    private const string Nested = "(a+)+b";
    private static readonly string ManyAs = new string('a', 40) + "c";

    [Fact]
    public void Match_ANestedQuantifierOnALongValue_AnswersAtOnceWithoutATimeout()
    {
        Assert.True(FieldPattern.IsLinear(Nested));
        Assert.Equal(FieldPatternResult.DoesNotMatch, FieldPattern.Match(Nested, ManyAs));
        Assert.Equal(FieldPatternResult.Matches, FieldPattern.Match(Nested, "aaab"));
    }

    [Theory]
    [InlineData("CC-[0-9]{4}", "CC-1234", FieldPatternResult.Matches)]
    [InlineData("CC-[0-9]{4}", "xCC-1234", FieldPatternResult.DoesNotMatch)]
    [InlineData("CC-[0-9]{4}", "CC-12345", FieldPatternResult.DoesNotMatch)]
    [InlineData("a|b", "ab", FieldPatternResult.DoesNotMatch)]
    [InlineData(@"(\w)\1", "xx", FieldPatternResult.Matches)]
    [InlineData(@"(\w)\1", "xy", FieldPatternResult.DoesNotMatch)]
    [InlineData("(?!admin)[a-z]+", "admin", FieldPatternResult.DoesNotMatch)]
    [InlineData("(?!admin)[a-z]+", "alex", FieldPatternResult.Matches)]
    public void Match_TheWholeValue_OnEitherEngine(string pattern, string value, FieldPatternResult expected) =>
        Assert.Equal(expected, FieldPattern.Match(pattern, value));

    [Theory]
    [InlineData(@"(\w)\1")]
    [InlineData("(?!admin)[a-z]+")]
    [InlineData("(?>a+)b")]
    public void IsLinear_BackreferencesLookaroundsAndAtomicGroups_AreNot(string pattern) =>
        Assert.False(FieldPattern.IsLinear(pattern));

    [Fact]
    public void Validate_APatternThatRunsPastItsTime_AsksToSubmitAgain_InsteadOfThrowing()
    {
        // The lookahead keeps this on the backtracking engine, where 40 a's take far longer than the timeout.
        var field = new CatalogField { Id = "code", Label = "Code", Required = true, MaxLength = 50, Pattern = "(a+)+(?!x)b", PatternHint = "Use a's and a b." };
        var item = new CatalogItem { Id = "slow", Name = "Slow", Category = "Hardware", Fields = [field] };
        var form = new RequestForm("key-1", item.Id, "Needed for the new starter.", "Low", new Dictionary<string, string?> { ["code"] = ManyAs });

        var errors = RequestFormValidator.Validate(item, form);

        Assert.Equal("I could not check Code in time. Please submit the form again.", Assert.Single(errors.ByInput).Value);
    }
}
