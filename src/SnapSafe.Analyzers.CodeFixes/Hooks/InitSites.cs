using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using SnapSafe.Analyzers.CodeFixes.AfterRestore;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.CodeFixes.Hooks
{
    /// <summary>
    /// The init code a hook registration can go into, found the way the after-restore fix finds it: every instance
    /// constructor that does not chain to <c>this(...)</c> (or a new one), the static constructor (or a new one), or
    /// the entry point right before the statement that starts the runtime. Statements are appended to those sites.
    /// </summary>
    internal static class InitSites
    {
        /// <summary>The sites of <paramref name="type"/>; default when one of its constructors cannot take a statement at its end.</summary>
        public static ImmutableArray<HookSite> OfType(INamedTypeSymbol type, bool isStatic, FixSession session)
        {
            if (type.TypeKind != TypeKind.Class)
            {
                return default;
            }

            if (isStatic)
            {
                var existing = type.StaticConstructors.FirstOrDefault(c => !c.IsImplicitlyDeclared);
                if (existing == null)
                {
                    return NewConstructor(type, isStatic: true, session);
                }

                var site = ConstructorSyntax(existing, session) is { } found ? HookSite.ForConstructor(found.Document, found.Syntax, type) : null;
                return site == null ? default : ImmutableArray.Create(site);
            }

            if (HasPrimaryConstructor(type))
            {
                return default;
            }

            var explicitConstructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared).ToList();
            if (explicitConstructors.Count == 0)
            {
                return NewConstructor(type, isStatic: false, session);
            }

            var sites = ImmutableArray.CreateBuilder<HookSite>();
            foreach (var constructor in explicitConstructors)
            {
                if (ConstructorSyntax(constructor, session) is not { } found)
                {
                    return default;
                }

                if (found.Syntax.Initializer is { } initializer && initializer.IsKind(SyntaxKind.ThisConstructorInitializer))
                {
                    continue;
                }

                var site = HookSite.ForConstructor(found.Document, found.Syntax, type);
                if (site == null)
                {
                    return default;
                }

                sites.Add(site);
            }

            return sites.ToImmutable();
        }

        /// <summary>The entry point site: right before the statement that starts the runtime (the diagnostic's first additional location).</summary>
        public static HookSite? OfEntryPoint(Document document, SyntaxNode root, Diagnostic diagnostic)
        {
            if (diagnostic.AdditionalLocations.Count == 0)
            {
                return null;
            }

            var runLocation = diagnostic.AdditionalLocations[0];
            if (runLocation.SourceTree != root.SyntaxTree || !root.FullSpan.Contains(runLocation.SourceSpan))
            {
                return null;
            }

            var run = HookSite.EntryStatementOf(root.FindNode(runLocation.SourceSpan, getInnermostNodeForTie: true));
            return run == null ? null : HookSite.ForEntryPoint(document, run);
        }

        public static bool HasPrimaryConstructor(INamedTypeSymbol type)
            => type.InstanceConstructors.Any(c => c.DeclaringSyntaxReferences.Any(r => r.GetSyntax() is TypeDeclarationSyntax));

        /// <summary>The hosts a diagnostic may name.</summary>
        public static bool IsHost(string? host)
            => host == HookHosts.Constructor || host == HookHosts.StaticConstructor || host == HookHosts.EntryPoint;

        /// <summary>
        /// Appends <paramref name="statements"/> to each site, in order, grouped so that a site edited by several
        /// findings is edited once. New constructors are added after every other edit of the document.
        /// </summary>
        public static async Task AppendAsync(SolutionEditor solutionEditor, IEnumerable<(HookSite Site, List<StatementSyntax> Statements)> edits, FixSession session)
        {
            foreach (var (site, statements) in edits.OrderBy(e => e.Site.Kind == HookSiteKind.NewConstructor ? 1 : 0))
            {
                if (statements.Count == 0)
                {
                    continue;
                }

                var editor = await solutionEditor.GetDocumentEditorAsync(site.Document.Id, session.CancellationToken).ConfigureAwait(false);
                var newLine = HookTarget.NewLineOf(editor.OriginalRoot);
                switch (site.Kind)
                {
                    case HookSiteKind.Constructor:
                        editor.ReplaceNode(site.Node, (current, _) =>
                        {
                            var constructor = (ConstructorDeclarationSyntax)current;
                            foreach (var statement in statements)
                            {
                                constructor = HookTarget.Append(constructor, statement, newLine);
                            }

                            return constructor;
                        });
                        break;

                    case HookSiteKind.NewConstructor:
                        editor.ReplaceNode(site.Node, (current, _) =>
                        {
                            var first = new SyntaxAnnotation();
                            var type = HookTarget.AddConstructor((TypeDeclarationSyntax)current, site.IsStatic, statements[0].WithAdditionalAnnotations(first), newLine);
                            if (statements.Count > 1)
                            {
                                var anchor = type.GetAnnotatedNodes(first).First();
                                type = type.InsertNodesAfter(anchor, statements.Skip(1).Select(s => HookBody.OnOwnLine(s, newLine)));
                            }

                            return type;
                        });
                        break;

                    case HookSiteKind.EntryPoint:
                        editor.InsertBefore(
                            site.Node,
                            statements.Select(statement => site.Node is GlobalStatementSyntax
                                ? SyntaxFactory.GlobalStatement(HookBody.OnOwnLine(statement, newLine)).WithLeadingTrivia(SyntaxFactory.TriviaList()).WithAdditionalAnnotations(Formatter.Annotation)
                                : (SyntaxNode)HookBody.OnOwnLine(statement, newLine)));
                        break;
                }
            }
        }

        private static ImmutableArray<HookSite> NewConstructor(INamedTypeSymbol type, bool isStatic, FixSession session)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(session.CancellationToken) is TypeDeclarationSyntax declaration && session.DocumentOf(reference.SyntaxTree) is { } document)
                {
                    return ImmutableArray.Create(HookSite.ForNewConstructor(document, declaration, type, isStatic));
                }
            }

            return default;
        }

        private static (ConstructorDeclarationSyntax Syntax, Document Document)? ConstructorSyntax(IMethodSymbol constructor, FixSession session)
        {
            var reference = constructor.DeclaringSyntaxReferences.FirstOrDefault();
            if (reference?.GetSyntax(session.CancellationToken) is ConstructorDeclarationSyntax syntax && session.DocumentOf(reference.SyntaxTree) is { } document)
            {
                return (syntax, document);
            }

            return null;
        }
    }
}
