using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// "export requests for November", "export data of Megan Bowen", "erase data of Megan Bowen": for auditors, in the
/// personal chat only. A file is held server-side (<see cref="HeldExports"/>) and offered with a file consent card that
/// carries only its key; an erasure is confirmed on a card. To anyone who is not an auditor these words are no command:
/// the caller answers them as any other words.
/// </summary>
public sealed class PrivacyConversation(PrivacyDesk desk, HeldExports held, IDirectory directory, RequestCards cards, Replier replier)
{
    public const string PersonalChatOnly =
        "I export and erase data only in our personal chat, so that the file and the names stay between us. Write to me there.";

    /// <summary>Whether the person speaking is an auditor (who is told of these commands in the help).</summary>
    public Task<bool> IsAuditorAsync(TurnContext turn, CancellationToken cancellationToken) => desk.IsAuditorAsync(turn.User.Id, cancellationToken);

    /// <summary>Answers an auditor and returns true; returns false, having said nothing, to anyone else.</summary>
    public async Task<bool> AnswerAsync(TurnContext turn, ExportAsk ask, CancellationToken cancellationToken)
    {
        if (!await desk.IsAuditorAsync(turn.User.Id, cancellationToken))
        {
            return false;
        }

        try
        {
            if (turn.OthersRead)
            {
                await replier.ReplyAsync(turn, PersonalChatOnly, cancellationToken);
                return true;
            }

            switch (ask)
            {
                case { Kind: ExportKind.Period, PeriodWords: { } period }:
                    await OfferAsync(turn, await desk.PeriodFileAsync(turn.User, period, cancellationToken), cancellationToken);
                    break;
                case { PersonName: { } name }:
                    var people = await desk.FindPeopleAsync(turn.User, name, cancellationToken);
                    var erase = ask.Kind == ExportKind.PersonErase;
                    if (people.Count > 1)
                    {
                        await replier.ReplyAsync(turn, cards.PrivacyChoice(people, erase), cancellationToken);
                    }
                    else if (erase)
                    {
                        await replier.ReplyAsync(turn, await ConfirmationAsync(turn, people[0].Id, cancellationToken), cancellationToken);
                    }
                    else
                    {
                        await OfferAsync(turn, await desk.PersonFileAsync(turn.User, people[0].Id, cancellationToken), cancellationToken);
                    }

                    break;
            }

            return true;
        }
        catch (NotAnAuditorException)
        {
            // No longer an auditor since the first check: as if nothing was asked.
            return false;
        }
    }

    /// <summary>The person chosen on the choice card: their file offered (the click's card says so) or the erasure's confirmation.</summary>
    public async Task<CardMessage> PickAsync(TurnContext turn, string personId, bool erase, CancellationToken cancellationToken)
    {
        if (turn.OthersRead)
        {
            throw new RequestRuleException(PersonalChatOnly);
        }

        if (erase)
        {
            return await ConfirmationAsync(turn, personId, cancellationToken);
        }

        var file = await desk.PersonFileAsync(turn.User, personId, cancellationToken);
        await OfferAsync(turn, file, cancellationToken);
        return cards.Info(file.Description, "I sent the file in the next message: accept it there to save it to your OneDrive.", "good");
    }

    /// <summary>The erasure, confirmed on its card: the card becomes what it did (a second click finds nothing more to do).</summary>
    public async Task<CardMessage> EraseAsync(TurnContext turn, string personId, CancellationToken cancellationToken)
    {
        if (turn.OthersRead)
        {
            throw new RequestRuleException(PersonalChatOnly);
        }

        var (person, result) = await desk.EraseAsync(turn.User, personId, cancellationToken);
        return cards.Erased(person, result);
    }

    private async Task<CardMessage> ConfirmationAsync(TurnContext turn, string personId, CancellationToken cancellationToken)
    {
        var person = await desk.ErasureOfAsync(turn.User, personId, cancellationToken);
        return cards.EraseConfirmation(person, await directory.FindPersonAsync(person.Id, cancellationToken));
    }

    private async Task OfferAsync(TurnContext turn, ExportFile file, CancellationToken cancellationToken)
    {
        var key = held.Hold(turn.User.Id, file.FileName, file.Description, file.Bytes);
        await replier.ReplyAsync(turn, FileConsentAnswer.ConsentCard(file.FileName, file.Description, file.Bytes.LongLength, key), cancellationToken);
    }
}
