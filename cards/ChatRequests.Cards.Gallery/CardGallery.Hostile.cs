using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards.Gallery;

// Megan asks for a shared folder with markup in every text people type: the cards show it as typed (no bold, no link,
// no date), and the folder path with both its backslashes. The rendering tests (cards/render/test) read these cards.
internal sealed partial class CardGallery
{
    /// <summary>Markdown, a link, a DATE function, a template binding and a mention: what issue 8 found rendered live.</summary>
    public const string Markup = "**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret} <at>Tomás</at>";

    private async Task AddHostileAsync()
    {
        var megan = await _organisation.PersonAsync(SampleOrganisation.Megan);
        var alex = await _organisation.PersonAsync(SampleOrganisation.Alex);
        var raul = await _organisation.PersonAsync(SampleOrganisation.Raul);
        var christie = await _organisation.PersonAsync(SampleOrganisation.Christie);

        Add("request-form-folder", _cards.RequestForm(_organisation.Item("shared-folder-access"), new FormPrefill("form-folder", null, null, new Dictionary<string, string>()), errors: null));

        var r = await _organisation.SubmitAsync(
            "REQ-000150",
            SampleOrganisation.Megan,
            new RequestForm("form-hostile", "shared-folder-access", Markup, "High", new Dictionary<string, string?>
            {
                ["system"] = "Finance share",
                ["sharePath"] = @"\\fs01\finance\reports",
                ["role"] = "Read",
            }),
            LaptopStory.At(6, 9, 0));
        Show("hostile-approval", r, x => _cards.Approval(x, 0, alex));

        r.Decide(alex, approve: true, Markup, 0, LaptopStory.At(6, 9, 20));
        r.Decide(raul, approve: true, null, 1, LaptopStory.At(6, 9, 40));
        r.Assign(christie, christie, LaptopStory.At(6, 10, 0));
        r.SetStatus(christie, RequestState.InProgress, Markup, LaptopStory.At(6, 10, 5));
        r.AskRequester(christie, Markup, LaptopStory.At(6, 10, 10));
        Notice("hostile-notice", r, NoticeKind.QuestionAsked, RequestEventType.QuestionAsked);

        r.Answer(megan, Markup, LaptopStory.At(6, 10, 30));
        Show("hostile-team", r, _cards.TeamCard);
        Show("hostile-details", r, x => _cards.RequestDetail(x, megan));
    }
}
