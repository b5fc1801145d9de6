using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes
{
    /// <summary>
    /// The after-restore fix shared by SNAP001-SNAP004, SNAP010 (ADO.NET connections closed and re-opened, connections created by a connect call re-created), SNAP020,
    /// SNAP021, SNAP025 (the configuration root reloaded), SNAP030, SNAP031 (a new GUID identifier), SNAP041 and SNAP043: keeps the original
    /// initialization (secret fetch, credential request, DNS lookup, creation) and repeats it in the
    /// after-restore hook its type (or entry point) registers during init, reusing an existing hook, removing
    /// <c>readonly</c> where the hook assigns, and becoming <c>async</c> when the work awaits.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AfterRestoreCodeFixProvider)), Shared]
    public sealed class AfterRestoreCodeFixProvider : CodeFixProvider
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

        public override FixAllProvider GetFixAllProvider() => AfterRestoreFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!AfterRestoreHook.IsCandidate(diagnostic))
                {
                    continue;
                }

                if (AfterRestoreHook.Retarget(document, diagnostic) is not { } target)
                {
                    continue;
                }

                var session = new FixSession(document.Project.Solution, context.CancellationToken);
                if (await Reinitialization.CreateAsync(target.Document, target.Diagnostic, session).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        TitleOf(diagnostic),
                        cancellationToken => AfterRestoreHook.ApplyAsync(document.Project.Solution, new[] { (target.Document, target.Diagnostic) }, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        internal static string TitleOf(Diagnostic diagnostic)
        {
            diagnostic.Properties.TryGetValue(FixProperties.Member, out var member);
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
