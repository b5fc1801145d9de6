using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.CodeFixes.HookWriting;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// Adds re-initializations to after-restore hooks: one registration per hook site (constructor, static
    /// constructor, entry point, a method init runs once), reusing the site's own registration when it has one. A
    /// single fix and Fix All both come through <see cref="ApplyAsync"/>, so Fix All merges every finding of a site
    /// into one hook.
    /// </summary>
    internal static class AfterRestoreHook
    {
        /// <summary>What the fix makes of a diagnostic, computed once per session.</summary>
        public static Task<(Reinitialization? Fix, ManualFix Manual)> PlanAsync(Document document, Diagnostic diagnostic, FixSession session)
            => session.PlanAsync(document, diagnostic, async () =>
            {
                if (diagnostic.Id == DiagnosticIds.ReleasedResourceNotRestored && FixRequest.Read(diagnostic.Properties).Restore == "Reopen")
                {
                    return (await ReinitializationBuilder.ReopenAsync(document, diagnostic, session).ConfigureAwait(false), ManualFix.None);
                }

                if (Retarget(document, diagnostic) is not { } target)
                {
                    return ((Reinitialization?)null, ManualFix.None);
                }

                return await ReinitializationBuilder.CreateAsync(target.Document, target.Diagnostic, session).ConfigureAwait(false);
            });

        /// <summary>
        /// SNAP041 reports the release in a before-snapshot hook; its fix repeats the member's initialization, which the
        /// diagnostic carries as its additional location. This turns it into the finding the hook fix works from: the
        /// same properties, located at that initialization.
        /// </summary>
        private static (Document Document, Diagnostic Diagnostic)? Retarget(Document document, Diagnostic diagnostic)
        {
            if (diagnostic.Id != DiagnosticIds.ReleasedResourceNotRestored)
            {
                return (document, diagnostic);
            }

            if (diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree is not { } tree
                || document.Project.Solution.GetDocument(tree) is not { } initialDocument)
            {
                return null;
            }

            return (initialDocument, Diagnostic.Create(diagnostic.Descriptor, diagnostic.AdditionalLocations[0], diagnostic.Properties));
        }

        public static async Task<Solution> ApplyAsync(FixSession session, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics)
        {
            var cancellationToken = session.CancellationToken;
            var findings = new List<Reinitialization>();
            var seen = new HashSet<(DocumentId, TextSpan)>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                if ((await PlanAsync(document, diagnostic, session).ConfigureAwait(false)).Fix is { } finding
                    && seen.Add((finding.Document.Id, finding.Diagnostic.Location.SourceSpan)))
                {
                    findings.Add(finding);
                }
            }

            if (findings.Count == 0)
            {
                return session.Solution;
            }

            // Sites in a stable order, each with its findings.
            var sites = new List<(HookSite Site, List<IHookWork> Findings)>();
            var siteIndex = new Dictionary<(HookSiteKind, DocumentId, int, bool), int>();
            foreach (var finding in findings)
            {
                foreach (var site in finding.Sites)
                {
                    if (!siteIndex.TryGetValue(site.Key, out var index))
                    {
                        index = sites.Count;
                        siteIndex.Add(site.Key, index);
                        sites.Add((site, new List<IHookWork>()));
                    }

                    sites[index].Findings.Add(finding);
                }
            }

            // One target per site; sites that share a hook method share the target.
            var targets = new List<HookTarget>();
            var targetIndex = new Dictionary<(HookTargetKind, DocumentId, int, bool), HookTarget>();
            foreach (var (site, siteFindings) in sites)
            {
                var target = await HookTarget.ResolveAsync(site, siteFindings, session).ConfigureAwait(false);
                if (!targetIndex.TryGetValue(target.Key, out var existing))
                {
                    targetIndex.Add(target.Key, target);
                    targets.Add(target);
                    existing = target;
                }

                foreach (var finding in siteFindings)
                {
                    if (!existing.Findings.Contains(finding))
                    {
                        existing.Findings.Add(finding);
                    }
                }
            }

            var editor = new SolutionEditor(session.Solution);
            var touched = new HashSet<DocumentId>();
            var declarations = new HashSet<SyntaxNode>();
            foreach (var finding in findings)
            {
                foreach (var (declaration, declarationDocument) in finding.Assignable)
                {
                    if (declarations.Add(declaration))
                    {
                        var documentEditor = await editor.GetDocumentEditorAsync(declarationDocument.Id, cancellationToken).ConfigureAwait(false);
                        documentEditor.ReplaceNode(declaration, (current, _) => HookDocuments.MakeAssignable(current));
                        touched.Add(declarationDocument.Id);
                    }
                }
            }

            // Bodies first, edits of whole type declarations (new or converted constructors) last.
            foreach (var target in targets.OrderBy(t => t.Kind == HookTargetKind.NewRegistration && t.Site.Kind is HookSiteKind.NewConstructor or HookSiteKind.PrimaryConstructor ? 1 : 0))
            {
                await target.ApplyAsync(editor, session).ConfigureAwait(false);
                touched.Add(target.Document.Id);
            }

            var changed = editor.GetChangedSolution();
            foreach (var id in touched)
            {
                if (changed.GetDocument(id) is { } document)
                {
                    changed = (await HookDocuments.CleanUpAsync(document, cancellationToken).ConfigureAwait(false)).Project.Solution;
                }
            }

            return changed;
        }
    }
}
