using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// The after-restore fix shared by SNAP001-SNAP004, SNAP010 (ADO.NET connections closed and re-opened, connections
    /// created by a connect call re-created, an <c>HttpClient</c> that sent requests re-created), SNAP020, SNAP021,
    /// SNAP025 (the configuration root reloaded), SNAP030, SNAP031 (a new identifier), SNAP041 and SNAP043: keeps the original initialization (secret fetch,
    /// credential request, DNS lookup, creation) and repeats it in the after-restore hook its host registers once
    /// during init: the constructor, the static constructor, the entry point before the runtime starts, or a method
    /// init runs once (with the locals it needs, captured or computed again), reusing an existing hook, removing
    /// <c>readonly</c> where the hook assigns, becoming <c>async</c> when the work awaits and bounding awaited network
    /// work with a token from a <c>CancellationTokenSource</c> with a 5-second timeout. An instance handed to a
    /// container or a kept collection is refreshed in its own constructor.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AfterRestoreCodeFixProvider)), Shared]
    public sealed class AfterRestoreCodeFixProvider : HookCodeFix
    {
        /// <summary>One key for every rule, so that Fix All merges the findings of a type into one hook.</summary>
        public const string EquivalenceKey = "SnapSafe.AfterRestoreHook";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            DiagnosticIds.RandomStateCaptured,
            DiagnosticIds.UniqueValueCaptured,
            DiagnosticIds.TimestampCaptured,
            DiagnosticIds.TimerStartedDuringInit,
            DiagnosticIds.SecretFetchedDuringInit,
            DiagnosticIds.CredentialsCapturedDuringInit,
            DiagnosticIds.DnsResultCached,
            DiagnosticIds.SensitiveStateNotRefreshed,
            DiagnosticIds.ReleasedResourceNotRestored,
            DiagnosticIds.ConnectionOpenedDuringInit,
            DiagnosticIds.HostIdentityCaptured,
            DiagnosticIds.ConfigurationLoadedFromSecretStore);

        internal override string Key => EquivalenceKey;

        internal override string FixAllTitle => "Re-initialize kept state in after-restore hooks";

        internal override async Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, FixSession session)
        {
            var (fix, manual) = await AfterRestoreHook.PlanAsync(document, diagnostic, session).ConfigureAwait(false);
            return fix == null ? FixOffer.None(manual) : FixOffer.Offer(TitleOf(diagnostic));
        }

        internal override Task<Solution> ApplyAsync(FixSession session, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics)
            => AfterRestoreHook.ApplyAsync(session, diagnostics);

        internal static string TitleOf(Diagnostic diagnostic)
        {
            var member = FixRequest.Read(diagnostic.Properties).Member;
            var verb = diagnostic.Id switch
            {
                DiagnosticIds.RandomStateCaptured => "Re-create",
                DiagnosticIds.UniqueValueCaptured => "Regenerate",
                DiagnosticIds.TimestampCaptured => "Re-capture",
                DiagnosticIds.TimerStartedDuringInit => "Restart",
                DiagnosticIds.SecretFetchedDuringInit => "Re-fetch",
                DiagnosticIds.CredentialsCapturedDuringInit => "Re-fetch",
                DiagnosticIds.DnsResultCached => "Resolve",
                DiagnosticIds.SensitiveStateNotRefreshed => "Re-create",
                DiagnosticIds.ReleasedResourceNotRestored => "Re-create",
                DiagnosticIds.ConnectionOpenedDuringInit => "Re-open",
                DiagnosticIds.HostIdentityCaptured => "Generate a new identifier for",
                DiagnosticIds.ConfigurationLoadedFromSecretStore => "Reload",
                _ => "Re-initialize",
            };

            return verb + " '" + member + "' in an after-restore hook";
        }
    }
}
