using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>
    /// Shapes SnapSafe's rule pages document as having no automatic fix: the fix is not offered, and the page says
    /// what to do by hand and why.
    /// </summary>
    internal enum ManualFix
    {
        /// <summary>Not a documented case.</summary>
        None,

        /// <summary>An instance of a type from another assembly handed to a container (<c>AddSingleton(new Random())</c>).</summary>
        ContainerInstance,

        /// <summary>A socket connected during init (<c>TcpClient</c>, <c>Socket</c>, <c>UdpClient</c>, <c>ClientWebSocket</c>).</summary>
        Socket,

        /// <summary>A value appended to a kept list, set, queue or stack: which element to replace is unknown.</summary>
        ListElement,

        /// <summary>A value a constructor receives from its caller and keeps: repeating the store repeats the caller's value.</summary>
        PassedByCaller,

        /// <summary>SNAP011: a connection type without a pool-clearing API SnapSafe knows.</summary>
        UnknownPool,

        /// <summary>SNAP040: a registration made only under a condition of the invocation.</summary>
        ConditionalRegistration,

        /// <summary>SNAP040: a hook that uses the invocation's values (its parameters, its locals).</summary>
        HookUsesInvocation,

        /// <summary>SNAP042: work started inside a <c>lock</c>, where it cannot be awaited.</summary>
        AwaitUnderLock,

        /// <summary>SNAP040: a registration in code that has no init of its own (a type built per invocation, a controller, an endpoint delegate of a startup class, startup code deferred to the first request).</summary>
        NoInitCode,

        /// <summary>SNAP004: a generic host started during init: its hosted services keep running from the snapshot.</summary>
        HostStarted,

        /// <summary>State of a shared instance outside the project that priming used (<c>Random.Shared</c>).</summary>
        SharedInstance,

        /// <summary>A value priming stored that reads the invocation's input or locals, which do not exist in a hook.</summary>
        PrimedValueReadsInvocation,
    }

    /// <summary>What a fix would do with one diagnostic: the title of its code action, or why there is none.</summary>
    internal readonly struct FixOffer
    {
        private FixOffer(string? title, ManualFix manual)
        {
            Title = title;
            Manual = manual;
        }

        /// <summary>The code action's title; null when the fix is not offered.</summary>
        public string? Title { get; }

        /// <summary>When the fix is not offered: the documented case it is, if any.</summary>
        public ManualFix Manual { get; }

        public static FixOffer Offer(string title) => new FixOffer(title, ManualFix.None);

        public static FixOffer None(ManualFix manual = ManualFix.None) => new FixOffer(null, manual);
    }

    /// <summary>
    /// The shape every SnapSafe fix has: it plans a diagnostic once per session (the plan decides whether the fix
    /// exists), and applies a batch of diagnostics in one pass, so that a single fix and Fix All (document, project,
    /// solution) write the same coherent edit: one hook per site, one move per registration.
    /// </summary>
    public abstract class HookCodeFix : CodeFixProvider
    {
        internal abstract string Key { get; }

        /// <summary>The Fix All title, completed with the scope ("in document").</summary>
        internal abstract string FixAllTitle { get; }

        /// <summary>Whether the fix exists for the diagnostic, with its title.</summary>
        internal abstract Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, FixSession session);

        /// <summary>Applies the fix to every diagnostic of the batch at once.</summary>
        internal abstract Task<Solution> ApplyAsync(FixSession session, IReadOnlyList<(Document Document, Diagnostic Diagnostic)> diagnostics);

        public sealed override FixAllProvider GetFixAllProvider() => new BatchFixAllProvider(this);

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.Document;
            var session = new FixSession(document.Project.Solution, context.CancellationToken);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var offer = await PlanAsync(document, diagnostic, session).ConfigureAwait(false);
                if (offer.Title == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        offer.Title,
                        cancellationToken => ApplyAsync(session.WithCancellation(cancellationToken), new[] { (document, diagnostic) }),
                        Key),
                    diagnostic);
            }
        }

        /// <summary>For measurements and tests: what the fix makes of one diagnostic, in a session of its own.</summary>
        internal Task<FixOffer> PlanAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
            => PlanAsync(document, diagnostic, new FixSession(document.Project.Solution, cancellationToken));
    }
}
