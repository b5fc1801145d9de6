using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    internal enum HookSiteKind
    {
        /// <summary>An instance or static constructor written in source.</summary>
        Constructor,

        /// <summary>A type with no constructor of the needed kind: the fix declares one.</summary>
        NewConstructor,

        /// <summary>Top-level statements or <c>Main</c>: right before the statement that starts the runtime.</summary>
        EntryPoint,
    }

    /// <summary>A place where init code runs and an after-restore registration can be made.</summary>
    internal sealed class HookSite
    {
        private HookSite(HookSiteKind kind, Document document, SyntaxNode node, bool isStatic, INamedTypeSymbol? type)
        {
            Kind = kind;
            Document = document;
            Node = node;
            IsStatic = isStatic;
            Type = type;
        }

        public HookSiteKind Kind { get; }

        public Document Document { get; }

        /// <summary>
        /// The constructor declaration, the type declaration that receives a new constructor, or the statement that
        /// starts the runtime (a <see cref="GlobalStatementSyntax"/> in top-level code).
        /// </summary>
        public SyntaxNode Node { get; }

        public bool IsStatic { get; }

        /// <summary>The type whose constructor hosts the hook; null for an entry point.</summary>
        public INamedTypeSymbol? Type { get; }

        public (HookSiteKind, DocumentId, int, bool) Key => (Kind, Document.Id, Node.SpanStart, IsStatic);

        /// <summary>Where a new registration's statements will be, for name lookup.</summary>
        public int NewHookPosition => Node switch
        {
            ConstructorDeclarationSyntax { Body: { } body } => HookBody.AppendPosition(body),
            ConstructorDeclarationSyntax constructor => constructor.ExpressionBody!.Expression.GetLastToken().SpanStart,
            TypeDeclarationSyntax type => type.OpenBraceToken.Span.End,
            _ => Node.SpanStart,
        };

        public static HookSite? ForConstructor(Document document, ConstructorDeclarationSyntax constructor, INamedTypeSymbol type)
        {
            if (constructor.Body != null)
            {
                // Every path through the constructor must reach the registration at its end.
                var returns = HookBody.ReturnsOf(constructor.Body);
                if (returns.Count > 1 || (returns.Count == 1 && returns[0] != constructor.Body.Statements.LastOrDefault()))
                {
                    return null;
                }
            }
            else if (constructor.ExpressionBody == null)
            {
                return null;
            }

            return new HookSite(HookSiteKind.Constructor, document, constructor, constructor.Modifiers.Any(SyntaxKind.StaticKeyword), type);
        }

        public static HookSite ForNewConstructor(Document document, TypeDeclarationSyntax declaration, INamedTypeSymbol type, bool isStatic)
            => new HookSite(HookSiteKind.NewConstructor, document, declaration, isStatic, type);

        public static HookSite ForEntryPoint(Document document, SyntaxNode runStatement)
            => new HookSite(HookSiteKind.EntryPoint, document, runStatement, isStatic: false, type: null);

        /// <summary>
        /// The statement of the entry point's outermost statement list that contains <paramref name="node"/>: a
        /// <see cref="GlobalStatementSyntax"/> in top-level code, a statement of the method's body block otherwise.
        /// </summary>
        public static SyntaxNode? EntryStatementOf(SyntaxNode node)
        {
            for (var current = node; current != null; current = current.Parent)
            {
                if (current is GlobalStatementSyntax)
                {
                    return current;
                }

                if (current is StatementSyntax && current.Parent is BlockSyntax { Parent: BaseMethodDeclarationSyntax })
                {
                    return current;
                }

                if (current is MemberDeclarationSyntax || current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>Whether <paramref name="statement"/> (an entry statement) runs before this site's runtime start, in the same list.</summary>
        public bool PrecedesRun(SyntaxNode statement)
            => Kind == HookSiteKind.EntryPoint && statement.Parent == Node.Parent && statement.SpanStart < Node.SpanStart;

        /// <summary>The statements of this site's body that an existing registration may be, last first.</summary>
        public IEnumerable<StatementSyntax> ExistingStatements()
        {
            switch (Node)
            {
                case ConstructorDeclarationSyntax { Body: { } body }:
                    return body.Statements.Reverse();
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    return unit.Members.OfType<GlobalStatementSyntax>().Where(g => g.SpanStart < global.SpanStart).Select(g => g.Statement).Reverse();
                case StatementSyntax statement when statement.Parent is BlockSyntax block:
                    return block.Statements.Where(s => s.SpanStart < statement.SpanStart).Reverse();
                default:
                    return Enumerable.Empty<StatementSyntax>();
            }
        }
    }
}
