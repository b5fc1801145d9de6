using System;
using System.Collections.Immutable;
using System.Composition;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Rules.Deployment;

namespace SnapSafe.Analyzers.CodeFixes.Deployment
{
    /// <summary>
    /// SNAP050: publishes a version, in the template the diagnostic is on (an AdditionalDocument). A SAM function
    /// gets <c>AutoPublishAlias: live</c> (<c>"AutoPublishAlias": "live"</c> in JSON) on its <c>Properties</c>,
    /// just before its <c>SnapStart</c> (or first) property and at that property's indentation; tools defaults get
    /// <c>"function-publish": true</c>. Raw <c>AWS::Lambda::Function</c> resources get no fix: a version resource
    /// is a design decision (its name, its alias, which callers move to it). Offered where the host asks code
    /// fixes for additional documents (Roslyn 4.8's <c>DocumentKinds</c>); callers that invoked the function keep
    /// calling <c>$LATEST</c> until they name the alias (SNAP051).
    /// </summary>
    [ExportCodeFixProvider(
        LanguageNames.CSharp,
        Name = nameof(PublishVersionCodeFixProvider),
        DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) },
        DocumentExtensions = new[] { ".template", ".yaml", ".yml", ".json" })]
    [Shared]
    public sealed class PublishVersionCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "SnapSafe.PublishVersion";

        /// <summary>The alias the fix publishes, the name AWS's own SnapStart examples use.</summary>
        public const string AliasName = "live";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NoVersionPublished);

        /// <summary>Each function gets its own edit; a template rarely has many, and Fix All over AdditionalDocuments is not offered by hosts.</summary>
        public override FixAllProvider? GetFixAllProvider() => null;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(SNAP050NoVersionPublished.FixProperty, out var fix)
                    || !diagnostic.Properties.TryGetValue(SNAP050NoVersionPublished.FunctionProperty, out var function)
                    || function == null
                    || Edit(document.FilePath ?? document.Name, text, fix, function) == null)
                {
                    continue;
                }

                var title = fix == SNAP050NoVersionPublished.SetFunctionPublish ? "Publish a version (\"function-publish\": true)" : "Publish a version (AutoPublishAlias: " + AliasName + ")";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => ApplyAsync(document, fix!, function, cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Solution> ApplyAsync(TextDocument document, string fix, string function, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var change = Edit(document.FilePath ?? document.Name, text, fix, function);
            return change == null
                ? document.Project.Solution
                : document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(change.Value));
        }

        /// <summary>The text change that publishes a version, or null when the template does not have the expected shape.</summary>
        public static TextChange? Edit(string path, SourceText text, string? fix, string function)
        {
            var kind = string.Equals(Path.GetFileName(path), "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase)
                ? TemplateKind.ToolsDefaults
                : TemplateKind.CloudFormation;
            var read = TemplateFile.Parse(text, kind);
            if (!(read.Root is TemplateMapping root))
            {
                return null;
            }

            var json = root.IsFlow && root.Span.Start < text.Length && text[root.Span.Start] == '{';
            if (fix == SNAP050NoVersionPublished.SetFunctionPublish)
            {
                if (root.Find("function-publish") is TemplateEntry existing)
                {
                    return new TextChange(existing.Value.Span, "true");
                }

                return root.Find(DeployedFunction.ToolsSnapStartKey) is TemplateEntry applyOn
                    ? InsertBefore(text, applyOn, "\"function-publish\": true", json: true)
                    : (TextChange?)null;
            }

            if (fix != SNAP050NoVersionPublished.AddAutoPublishAlias
                || !(root["Resources"] is TemplateMapping resources)
                || !(resources.Find(function) is TemplateEntry resource)
                || !(resource.Value is TemplateMapping definition)
                || !(definition["Properties"] is TemplateMapping properties)
                || properties.Find("AutoPublishAlias") != null)
            {
                return null;
            }

            // Only the function's own Properties: an anchored mapping shared through an alias, or entries merged
            // in from elsewhere, would change other functions too.
            var anchor = properties.Find("SnapStart") is TemplateEntry snapStart && Inside(snapStart.Key, definition) ? snapStart : null;
            if (anchor == null)
            {
                foreach (var entry in properties.Entries)
                {
                    if (Inside(entry.Key, definition))
                    {
                        anchor = entry;
                        break;
                    }
                }
            }

            if (anchor == null || !Inside(properties, resource.Value))
            {
                return null;
            }

            var entryText = json ? "\"AutoPublishAlias\": \"" + AliasName + "\"" : "AutoPublishAlias: " + AliasName;
            return InsertBefore(text, anchor, entryText, json);
        }

        /// <summary>
        /// Inserts an entry before another: on a line of its own at the same indentation when the entry starts its
        /// line, inline (followed by a comma) when it does not (a flow mapping, a one-line JSON object).
        /// </summary>
        private static TextChange InsertBefore(SourceText text, TemplateEntry before, string entry, bool json)
        {
            var keyStart = before.Key.Span.Start;
            var line = text.Lines.GetLineFromPosition(keyStart);
            var indentation = text.ToString(TextSpan.FromBounds(line.Start, keyStart));
            if (indentation.Trim().Length == 0)
            {
                var newLine = line.EndIncludingLineBreak > line.End ? text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak)) : "\n";
                return new TextChange(new TextSpan(line.Start, 0), indentation + entry + (json ? "," : string.Empty) + newLine);
            }

            return new TextChange(new TextSpan(keyStart, 0), entry + ", ");
        }

        private static bool Inside(TemplateNode node, TemplateNode container)
            => node.Span.Start >= container.Span.Start && node.Span.End <= container.Span.End;
    }
}
