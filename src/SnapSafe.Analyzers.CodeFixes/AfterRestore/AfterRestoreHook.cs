using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>
    /// Adds re-initializations to after-restore hooks: one registration per hook site (constructor, static
    /// constructor, entry point), reusing the site's own registration when it has one. A single fix and Fix All
    /// both come through <see cref="ApplyAsync"/>, so Fix All merges every finding of a site into one hook.
    /// </summary>
    internal static class AfterRestoreHook
    {
        private static readonly ImmutableHashSet<string> FixableStores = ImmutableHashSet.Create(
            StoreKinds.Initializer, StoreKinds.Assignment, StoreKinds.Declaration, StoreKinds.StartCall, StoreKinds.Reload);

        private static readonly ImmutableHashSet<string> Hosts = ImmutableHashSet.Create(
            HookHosts.Constructor, HookHosts.StaticConstructor, HookHosts.EntryPoint);

        /// <summary>What the analyzer marked fixable, in a shape this fix handles (cheap: no semantic model).</summary>
        /// <summary>
        /// SNAP041 reports the release in a before-snapshot hook; its fix repeats the member's initialization, which the
        /// diagnostic carries as its additional location. This turns it into the finding the hook fix works from: the
        /// same properties, located at that initialization.
        /// </summary>
        public static (Document Document, Diagnostic Diagnostic)? Retarget(Document document, Diagnostic diagnostic)
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

        public static bool IsCandidate(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(FixProperties.Fixable, out var fixable) && fixable == "true"
                && diagnostic.Properties.TryGetValue(FixProperties.Store, out var store) && store != null && FixableStores.Contains(store)
                && diagnostic.Properties.TryGetValue(FixProperties.Host, out var host) && host != null && Hosts.Contains(host);

        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken)
        {
            var session = new FixSession(solution, cancellationToken);
            var findings = new List<Reinitialization>();
            var seen = new HashSet<(DocumentId, TextSpan)>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                if (seen.Add((document.Id, diagnostic.Location.SourceSpan))
                    && await Reinitialization.CreateAsync(document, diagnostic, session).ConfigureAwait(false) is { } finding)
                {
                    findings.Add(finding);
                }
            }

            if (findings.Count == 0)
            {
                return solution;
            }

            // Sites in a stable order, each with its findings.
            var sites = new List<(HookSite Site, List<Reinitialization> Findings)>();
            var siteIndex = new Dictionary<(HookSiteKind, DocumentId, int, bool), int>();
            foreach (var finding in findings)
            {
                foreach (var site in finding.Sites)
                {
                    if (!siteIndex.TryGetValue(site.Key, out var index))
                    {
                        index = sites.Count;
                        siteIndex.Add(site.Key, index);
                        sites.Add((site, new List<Reinitialization>()));
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

            var editor = new SolutionEditor(solution);
            var touched = new HashSet<DocumentId>();
            var declarations = new HashSet<SyntaxNode>();
            foreach (var finding in findings)
            {
                if (finding.Declaration != null && finding.DeclarationDocument != null && declarations.Add(finding.Declaration))
                {
                    var documentEditor = await editor.GetDocumentEditorAsync(finding.DeclarationDocument.Id, cancellationToken).ConfigureAwait(false);
                    documentEditor.ReplaceNode(finding.Declaration, (current, _) => MakeAssignable(current));
                    touched.Add(finding.DeclarationDocument.Id);
                }
            }

            // Bodies first, new constructors (edits of whole type declarations) last.
            foreach (var target in targets.OrderBy(t => t.Kind == HookTargetKind.NewRegistration && t.Site.Kind == HookSiteKind.NewConstructor ? 1 : 0))
            {
                await target.ApplyAsync(editor, session).ConfigureAwait(false);
                touched.Add(target.Document.Id);
            }

            var changed = editor.GetChangedSolution();
            foreach (var id in touched)
            {
                var document = changed.GetDocument(id);
                if (document != null)
                {
                    changed = (await CleanUpAsync(document, cancellationToken).ConfigureAwait(false)).Project.Solution;
                }
            }

            return changed;
        }

        /// <summary>Adds the imports the new code needs, shortens qualified names, formats the new code.</summary>
        internal static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root != null && root.GetAnnotatedNodes(Simplifier.AddImportsAnnotation).Any())
            {
                document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            // New lines as the document writes them, whatever the host's default.
            var newRoot = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var options = await document.GetOptionsAsync(cancellationToken).ConfigureAwait(false);
            if (newRoot != null)
            {
                options = options.WithChangedOption(FormattingOptions.NewLine, HookTarget.NewLineOf(newRoot));
            }

            return await Formatter.FormatAsync(document, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A lambda can assign neither a <c>readonly</c> field nor a get-only auto-property.</summary>
        private static SyntaxNode MakeAssignable(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    var index = field.Modifiers.IndexOf(SyntaxKind.ReadOnlyKeyword);
                    if (index < 0)
                    {
                        return field;
                    }

                    var removed = field.Modifiers[index];
                    var modifiers = field.Modifiers.RemoveAt(index);
                    if (index == 0)
                    {
                        if (modifiers.Count == 0)
                        {
                            return field.WithModifiers(modifiers).WithDeclaration(field.Declaration.WithType(field.Declaration.Type.WithLeadingTrivia(removed.LeadingTrivia)));
                        }

                        modifiers = modifiers.Replace(modifiers[0], modifiers[0].WithLeadingTrivia(removed.LeadingTrivia));
                    }

                    return field.WithModifiers(modifiers);

                case PropertyDeclarationSyntax { AccessorList: { Accessors.Count: 1 } accessors } property:
                    var getter = accessors.Accessors[0];
                    if (!getter.IsKind(SyntaxKind.GetAccessorDeclaration))
                    {
                        return property;
                    }

                    if (getter.GetTrailingTrivia().Count == 0)
                    {
                        getter = getter.WithTrailingTrivia(SyntaxFactory.Space);
                    }

                    var hasAccessibility = property.Modifiers.Any(m => m.IsKind(SyntaxKind.PublicKeyword) || m.IsKind(SyntaxKind.ProtectedKeyword) || m.IsKind(SyntaxKind.InternalKeyword) || m.IsKind(SyntaxKind.PrivateKeyword));
                    var isPrivate = !hasAccessibility || (property.Modifiers.Any(SyntaxKind.PrivateKeyword) && !property.Modifiers.Any(SyntaxKind.ProtectedKeyword));
                    var setter = SyntaxFactory.AccessorDeclaration(SyntaxKind.SetAccessorDeclaration)
                        .WithModifiers(isPrivate
                            ? SyntaxFactory.TokenList()
                            : SyntaxFactory.TokenList(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.PrivateKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space))))
                        .WithKeyword(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SetKeyword, SyntaxFactory.TriviaList()))
                        .WithSemicolonToken(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, getter.GetTrailingTrivia()))
                        .WithLeadingTrivia(getter.GetLeadingTrivia());
                    return property.WithAccessorList(accessors.WithAccessors(SyntaxFactory.List(new[] { getter, setter })));

                default:
                    return declaration;
            }
        }
    }
}
