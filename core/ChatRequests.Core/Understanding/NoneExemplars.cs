namespace ChatRequests.Core.Understanding;

/// <summary>
/// What people ask a workplace chat for that no IT service catalog provides, as whole sentences for the sentence
/// encoder (ADR 0050): pay and leave, people matters, the building and its furniture, travel and expenses, post and
/// catering, company policy, personal favours. A message nearer to them than to its best item is not given a form.
/// Written from general knowledge of what reaches a service desk by mistake, in no catalog's terms and copied from no
/// labelled sentence; an organisation whose catalog does offer one of these (a parking permit, a room booking) is
/// protected by its item, which the message is nearer to.
/// </summary>
internal static class NoneExemplars
{
    /// <summary>What stands for "no catalog's ask" beside the commands and the fault (<see cref="CommandExemplars"/>).</summary>
    public const string Kind = "none";

    public static readonly IReadOnlyList<string> All =
    [
        // Pay, leave and people matters.
        "my payslip is wrong this month", "when do we get paid", "I was not paid for my overtime",
        "how many days of annual leave do I have left", "I want to book a week of holiday", "how do I request time off",
        "I'd like to change my working hours", "can I work part time from next year", "I need to report sick today",
        "how do I apply for parental leave", "my tax code looks wrong", "update my bank details for my salary",
        "can I get a pay rise", "I want to raise a grievance about my manager", "how do I resign",
        "I'd like a reference letter for my mortgage", "a letter confirming my employment", "when is my appraisal",
        "sign me up for the pension scheme", "how do I claim my bonus", "I want to swap shifts with a colleague",
        "change my rota for next week", "I'd like to apply for the internal vacancy", "how do I recruit a new person for my team",
        "who do I talk to about a disability adjustment at work", "book me onto the first aid course",
        // The building, furniture and facilities.
        "I'd like an ergonomic chair for my back", "I need a standing desk", "the office is too cold",
        "it's far too hot in here, can the temperature be turned down", "the heating is off in the meeting room", "a light bulb has gone in the corridor",
        "the toilets on the second floor are blocked", "can someone clean the kitchen", "the bins haven't been emptied",
                "reserve a room for our workshop next week", "can we reserve the big hall for an event", "move my desk to the other floor",
        "a locker for my things", "the lift is out of order",
        "can we have a new coffee machine", "a fridge for the staff kitchen", "the window in my office won't close",
        "we need more chairs in the training room", "put up some shelves in the store room", "the carpet needs replacing",
        "a whiteboard on the wall of our office", "the blinds in the office are broken", "can we get plants for the office",
        // Travel, expenses, purchasing and post.
        "book me a train ticket to the conference", "I need a hotel for two nights next week", "book a flight for my business trip",
        "order a cab to take me to the station", "how do I claim back my travel expenses", "reimburse me for the lunch with the client",
        "I need a company credit card", "raise a purchase order for a supplier", "pay this invoice from our supplier",
        "order some stationery, pens and notepads", "we've run out of paper clips and envelopes", "send this parcel by courier",
        "where is the post for our department", "a new uniform for our staff", "safety boots and a hi-vis jacket",
        "order business cards with my new title", "book the company van for a day",
        // Catering, events and personal favours.
        "order sandwiches for the team lunch", "catering for thirty people at the away day", "a birthday cake for a colleague",
        "can you organise the christmas party", "flowers for a colleague who is leaving", "collect a card for everyone to sign",
        "can you water my plants while I'm away", "can someone pick up my dry cleaning", "lend me some money for lunch",
        "can you recommend a good restaurant nearby", "what's the weather tomorrow", "tell me a joke",
        // Policy and other departments' questions.
        "what is the dress code", "is there a policy on working from abroad", "how much can I spend on a team dinner",
        "what are the rules for bringing my dog to work", "who is the fire warden on our floor", "when is the office closed over the holidays",
        "how do I report a health and safety hazard", "someone slipped in the corridor, where is the accident book",
        "who do I speak to about a data protection complaint from a customer", "how do I get a parking fine cancelled",
        "I want to sell my car to a colleague", "can the company sponsor my charity run",
        // Work done for customers and the day's operations: the business's own service, not IT's (ADR 0074).
        "give a customer a refund for their order", "cancel a customer's booking", "who is working on the shift tomorrow",
        "what's on the schedule for today", "swap my shift next week with a colleague", "submit my timesheet for this week",
        "how many hours have I worked this month", "approve this application from a member of the public",
        "show me how to do my job in the system", "is there a training course I can go on",
        // Protective wear, clothing and the site's fabric (ADR 0074).
        "ear defenders for working in the noisy area", "waterproof clothing for the outdoor team", "new work shoes for the team",
        "air conditioning for the room before summer", "a security camera above the entrance", "more tape and cable ties for the crew",
    ];
}
