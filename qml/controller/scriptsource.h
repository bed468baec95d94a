#pragma once

#include "runconfig.h"
#include "scriptrun.h"

#include <QObject>
#include <QStringList>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The window's Python mode: the script being edited (its text and file name), the ScriptRun that
 * runs it, what it printed and how it ended. RunController starts and stops it through the same
 * commands as a scenario (start(), the run's Runtime); QML edits text (the next Run takes it),
 * picks examples and reads output and problem.
 */
class ScriptSource : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A ScriptSource belongs to a RunController")
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileNameChanged)
    /// Where Save writes (the file opened or last saved as), empty for an example or a new text.
    Q_PROPERTY(QString filePath READ filePath NOTIFY fileNameChanged)
    /// The text differs from the file (or example) it came from: unsaved changes.
    Q_PROPERTY(bool modified READ modified NOTIFY modifiedChanged)
    Q_PROPERTY(QString title READ title NOTIFY textChanged)
    Q_PROPERTY(QString output READ output NOTIFY outputChanged)
    /// How the last run failed (a syntax error, a traceback, a held loop), empty if it did not.
    Q_PROPERTY(QString problem READ problem NOTIFY resultChanged)
    /// The script's line the problem is at (1-based), 0 if none.
    Q_PROPERTY(int problemLine READ problemLine NOTIFY resultChanged)
    /// The column of a syntax error on problemLine (1-based, as CPython counts), 0 if none.
    Q_PROPERTY(int problemColumn READ problemColumn NOTIFY resultChanged)
    /// The text differs from what the last run ran.
    Q_PROPERTY(bool edited READ edited NOTIFY editedChanged)
    Q_PROPERTY(QStringList exampleTitles READ exampleTitles CONSTANT)
public:
    /// Output kept for the pane: older text is dropped past this many characters.
    static constexpr int MaxOutputChars = 200'000;

    explicit ScriptSource(QObject *parent = nullptr);

    ScriptRun &run() noexcept { return m_run; }
    const ScriptRun &run() const noexcept { return m_run; }

    bool active() const noexcept { return m_active; }
    void setActive(bool active);
    QString text() const { return m_text; }
    void setText(const QString &text);
    QString fileName() const { return m_fileName; }
    QString filePath() const { return m_filePath; }
    bool modified() const noexcept { return m_text != m_savedText; }
    QString title() const;
    QString output() const { return m_output; }
    QString problem() const { return m_problem; }
    int problemLine() const noexcept { return m_problemLine; }
    int problemColumn() const noexcept { return m_problemColumn; }
    bool edited() const noexcept { return m_text != m_ranText; }
    QStringList exampleTitles() const;

    /// Shows example number index (ScriptExamples::all()); the next Run runs it.
    Q_INVOKABLE void loadExample(int index);
    /// Shows a script file; false (and *error says why) if it cannot be read.
    bool loadFile(const QString &path, QString *error);
    /// The same from a file dialog: an error message, empty when the file is shown.
    Q_INVOKABLE QString open(const QUrl &file);
    /// Writes the text to filePath (atomically, OutputFile): an error message, empty when saved.
    /// A failed save keeps the text (and its unsaved changes).
    Q_INVOKABLE QString save();
    /// Writes the text to file, which becomes the script's file: an error message or empty.
    Q_INVOKABLE QString saveAs(const QUrl &file);
    /// When the app must quit without asking (--quit-after) while the text has unsaved changes:
    /// writes it (atomically) to a new file in dir (the app's data folder when empty),
    /// "<script>-recovered-<date-time>.py", and returns its path; empty and *error set if it
    /// could not be written. The text stays modified: it is not the script's file.
    QString keepRecoveryCopy(QString *error, const QString &dir = QString()) const;
    /// Drops the unsaved changes: the text of the file (or example) again.
    Q_INVOKABLE void discardChanges();
    /// Runs the text as fileName; an error message if the run could not start.
    QString start(const RunConfig &config);
    /// Stops the run and forgets its output and problem.
    void reset();

    /// The line of fileName a Python traceback last names (its innermost frame in the script).
    static int lineInTraceback(const QString &traceback, const QString &fileName);

Q_SIGNALS:
    void activeChanged();
    void textChanged();
    void fileNameChanged();
    void outputChanged();
    void resultChanged();
    void editedChanged();
    void modifiedChanged();

private:
    void show(const QString &fileName, const QString &path, const QString &text);
    bool writeTo(const QString &path, QString *error);
    void onFinished();
    void setProblem(const QString &problem, int line, int column = 0);

    ScriptRun m_run;
    QString m_text;
    QString m_ranText;
    QString m_savedText; // as it was read or last saved
    QString m_fileName;
    QString m_filePath;
    QString m_output;
    QString m_problem;
    int m_problemLine = 0;
    int m_problemColumn = 0;
    bool m_active = false;
};

} // namespace awaitscope
