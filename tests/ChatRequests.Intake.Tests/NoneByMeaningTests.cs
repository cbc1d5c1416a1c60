using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// Asks no service catalog provides, read by their meaning (ADR 0050), with the real slim encoder, against a touring
/// theatre company's catalog written for these tests (in no file of eval/intake/, and not what the exemplars were
/// written from): a message nearer to the "none" exemplars than to its best item is a question, never a form; an item
/// the catalog does offer stays a form.
/// </summary>
public sealed class NoneByMeaningTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("none-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("a bigger desk in the box office")]
    [InlineData("pension question for the box office staff")]
    public void AnAskNoCatalogProvides_IsNoForm_WhereWithoutTheNoneSenseItWasOne(string message)
    {
        var interpreter = Prepared();
        var reading = interpreter.Read(message);
        var withoutNoneSense = LexicalInterpreter.Decide(reading, reading.Cosines is null ? MatchCalibration.Fitted : MatchCalibration.FittedWithEncoder, SenseCalibration.Fitted with { NoneLead = 2 });

        var meaning = interpreter.Interpret(message);

        Assert.Equal(MeaningKind.Item, withoutNoneSense.Kind);
        Assert.NotEqual(MeaningKind.Item, meaning.Kind);
    }

    [Theory]
    [InlineData("can my partner park in the staff car park", "parking-permit")]
    [InlineData("I'd like to book the rehearsal room screen for the tech run on Friday", "rehearsal-screen")]
    public void AnAskTheCatalogDoesOffer_IsStillItsForm(string message, string item)
    {
        var meaning = Prepared().Interpret(message);

        Assert.Equal((MeaningKind.Item, item), (meaning.Kind, meaning.Items[0].Item.Id));
    }

    private LexicalInterpreter Prepared()
    {
        var path = Path.Combine(_folder, "theatre.json");
        File.WriteAllText(path, """
            { "items": [
              {"id": "box-office-login", "name": "Box office login", "category": "Front of house", "description": "A login for the box office ticketing till."},
              {"id": "lighting-desk", "name": "Lighting desk access", "category": "Stage", "description": "Access to programme the stage lighting console."},
              {"id": "touring-laptop", "name": "Touring laptop", "category": "Devices", "description": "A laptop for company members on tour."},
              {"id": "staff-phone", "name": "Staff mobile phone", "category": "Devices", "description": "A company mobile phone for stage managers and touring staff."},
              {"id": "rehearsal-screen", "name": "Rehearsal room screen", "category": "Stage", "description": "A large display in the rehearsal room for scripts and video."},
              {"id": "parking-permit", "name": "Staff parking permit", "category": "Site", "description": "A permit for the staff car park behind the theatre."},
              {"id": "shared-drive", "name": "Production shared drive", "category": "Access", "description": "Access to a production's folders of scripts, plans and schedules."}
            ] }
            """);
        var interpreter = new LexicalInterpreter(new JsonFileCatalog(Options.Create(new CatalogOptions { Path = path }), NullLogger<JsonFileCatalog>.Instance), SlimEncoderOnce.Model);
        interpreter.Prepare();
        return interpreter;
    }
}
